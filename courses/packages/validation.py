"""Checking an uploaded SCORM or cmi5 package before anything is extracted.

Everything here reads the zip's central directory and its manifest only; a
package is refused (``ValidationError``, an Indonesian message) when it could
inflate past the limits (zip bomb), names a file outside itself (``..``, an
absolute path, a drive letter, a backslash, a symbolic link), is encrypted, or
has a manifest that is missing, malformed or launches something that is not a
file of the package. Nothing in the package is trusted: its names become
storage names only after these checks.
"""

from __future__ import annotations

import posixpath
import stat
import zipfile
from dataclasses import dataclass
from urllib.parse import urlsplit

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SCORM12 = "scorm12"
SCORM2004 = "scorm2004"
CMI5 = "cmi5"

SCORM_MANIFEST = "imsmanifest.xml"
CMI5_MANIFEST = "cmi5.xml"
# A manifest of a few megabytes is already huge; the parser reads it whole.
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
CMI5_NS = "https://w3id.org/xapi/cmi5/CourseStructure.xsd"
MOVE_ON = {
    "Passed",
    "Completed",
    "CompletedAndPassed",
    "CompletedOrPassed",
    "NotApplicable",
}

NOT_A_ZIP = _(
    "Berkas ini bukan paket ZIP yang dapat dibaca. Ekspor ulang paket SCORM atau "
    "cmi5 dari aplikasi penyusunnya sebagai .zip, lalu unggah lagi."
)
TOO_BIG = _(
    "Paket terlalu besar setelah diekstrak (batas %(mb)s MB dan %(files)s berkas). "
    "Kecilkan video atau gambar di dalamnya."
)
ZIP_BOMB = _(
    "Paket ditolak: isinya memadat jauh melebihi kewajaran (kemungkinan bom ZIP)."
)
UNSAFE_NAME = _(
    "Paket ditolak: berkas “%(name)s” menunjuk ke luar paket (path absolut, “..”, "
    "garis miring terbalik atau tautan simbolik)."
)
ENCRYPTED = _("Paket ditolak: berkas di dalamnya terenkripsi (berkata sandi).")
NO_MANIFEST = _(
    "Paket tidak memuat imsmanifest.xml (SCORM) atau cmi5.xml (cmi5) di folder "
    "teratasnya. Pastikan Anda mengunggah paket hasil ekspor, bukan folder yang "
    "di-ZIP ulang satu tingkat di atasnya."
)
BAD_MANIFEST = _("Manifes paket (%(name)s) rusak atau tidak dapat dibaca: %(why)s")
BAD_LAUNCH = _(
    "Manifes paket menunjuk ke “%(href)s”, yang bukan berkas di dalam paket. "
    "Sigap hanya memutar konten yang ada di dalam paket itu sendiri."
)
BAD_ITEM_LAUNCH = _(
    "Butir “%(item)s” di manifes menunjuk ke “%(href)s”, yang bukan berkas di "
    "dalam paket. Sigap hanya memutar konten yang ada di dalam paket itu sendiri."
)
MISSING_RESOURCE = _(
    "Butir “%(item)s” di manifes menunjuk ke sumber daya “%(ref)s” yang tidak ada "
    "di <resources> (atau tanpa href). Perbaiki manifesnya di aplikasi penyusun, "
    "lalu ekspor ulang paketnya."
)


@dataclass(frozen=True)
class PackageUnit:
    """One entry of a package's table of contents, in manifest order: a SCORM
    item (a SCO or asset when ``launchable``, else a heading) or a cmi5 block or
    AU. ``blocks`` are the publisher ids of the cmi5 blocks it sits in."""

    kind: str  # "sco", "asset", "heading" (SCORM); "au", "block" (cmi5)
    identifier: str
    title: str
    depth: int = 0
    path: str = ""
    parameters: str = ""
    mastery_score: float | None = None
    visible: bool = True
    move_on: str = ""
    blocks: tuple[str, ...] = ()
    launch_data: str = ""

    @property
    def launchable(self) -> bool:
        return self.kind in ("sco", "asset", "au")

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.identifier,
            "title": self.title,
            "depth": self.depth,
            "path": self.path,
            "parameters": self.parameters,
            "mastery": self.mastery_score,
            "visible": self.visible,
            "move_on": self.move_on,
            "blocks": list(self.blocks),
            "launch_data": self.launch_data,
        }

    @classmethod
    def from_json(cls, data: dict) -> PackageUnit:
        return cls(
            kind=data["kind"],
            identifier=data["id"],
            title=data.get("title", ""),
            depth=data.get("depth", 0),
            path=data.get("path", ""),
            parameters=data.get("parameters", ""),
            mastery_score=data.get("mastery"),
            visible=data.get("visible", True),
            move_on=data.get("move_on", ""),
            blocks=tuple(data.get("blocks", ())),
            launch_data=data.get("launch_data", ""),
        )


@dataclass(frozen=True)
class PackageManifest:
    """What Sigap needs of a package's manifest: its standard, title, its table
    of contents (``units``: every SCORM item or cmi5 block and AU, each
    launchable one checked to be a file of the package), and the first
    launchable unit's file and rules (``launch_path``…)."""

    standard: str
    title: str
    launch_path: str
    launch_parameters: str = ""
    activity_id: str = ""
    move_on: str = ""
    mastery_score: float | None = None
    units: tuple[PackageUnit, ...] = ()
    course_id: str = ""

    @property
    def launchable_count(self) -> int:
        return sum(1 for unit in self.units if unit.launchable)


def limits() -> tuple[int, int, int]:
    """(bytes after extraction, files, compression ratio) a package may reach."""
    return (
        settings.SIGAP_PACKAGE_MAX_UNZIPPED_MB * 1024 * 1024,
        settings.SIGAP_PACKAGE_MAX_FILES,
        settings.SIGAP_PACKAGE_MAX_RATIO,
    )


def safe_member_name(name: str) -> str | None:
    """``name`` as a relative path inside the package, or None when it could
    point outside it (or is not a plain name)."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return None
    if len(name) > 2 and name[1] == ":":  # a drive letter (C:/…)
        return None
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    return "/".join(parts)


def check_archive(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The package's files (folders left out), after refusing anything unsafe.

    Declared sizes are checked before anything is read; extraction reads no more
    than the declared size of each member (``zipfile`` stops there), so a member
    lying about its size fails its CRC instead of filling the disk."""
    max_bytes, max_files, max_ratio = limits()
    too_big = ValidationError(
        TOO_BIG,
        code="too_big",
        params={"mb": max_bytes // (1024 * 1024), "files": max_files},
    )
    members = archive.infolist()
    if len(members) > max_files:
        raise too_big
    total = compressed = 0
    files = []
    seen = set()
    for info in members:
        mode = info.external_attr >> 16
        name = safe_member_name(info.filename)
        if name is None or stat.S_ISLNK(mode):
            raise ValidationError(
                UNSAFE_NAME, code="unsafe_name", params={"name": info.filename[:200]}
            )
        if info.flag_bits & 0x1:
            raise ValidationError(ENCRYPTED, code="encrypted")
        if name.lower() in seen:
            raise ValidationError(
                UNSAFE_NAME, code="unsafe_name", params={"name": info.filename[:200]}
            )
        seen.add(name.lower())
        total += info.file_size
        compressed += info.compress_size
        if info.file_size > 1024 * 1024 and (
            info.file_size > max_ratio * max(info.compress_size, 1)
        ):
            raise ValidationError(ZIP_BOMB, code="zip_bomb")
        if info.is_dir():
            continue
        files.append(info)
    if total > max_bytes:
        raise too_big
    if total > 10 * 1024 * 1024 and total > max_ratio * max(compressed, 1):
        raise ValidationError(ZIP_BOMB, code="zip_bomb")
    return files


def _launch_path(
    href: str, *, base: str, names: set[str], item: str = ""
) -> tuple[str, str]:
    """(the file inside the package, its query string) that ``href`` (relative to
    ``base``) launches; refused unless that file is in ``names``. ``item`` names
    the manifest entry in the message."""
    refused = (
        ValidationError(
            BAD_ITEM_LAUNCH,
            code="bad_launch",
            params={"href": (href or "")[:200], "item": item[:120]},
        )
        if item
        else ValidationError(BAD_LAUNCH, code="bad_launch", params={"href": href})
    )
    href = (href or "").strip()
    parts = urlsplit(href)
    if not href or parts.scheme or parts.netloc or href.startswith(("/", "\\")):
        raise refused
    joined = posixpath.normpath(posixpath.join(base or "", parts.path))
    path = safe_member_name(joined)
    if path is None or path not in names:
        raise refused
    return path, parts.query


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _parse(data: bytes, name: str):
    if len(data) > MAX_MANIFEST_BYTES:
        raise ValidationError(
            BAD_MANIFEST,
            code="bad_manifest",
            params={"name": name, "why": _("manifes terlalu besar")},
        )
    try:
        return ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise ValidationError(
            BAD_MANIFEST,
            code="bad_manifest",
            params={"name": name, "why": _("XML tidak sah (%s)") % str(error)[:120]},
        ) from error


def _bad(name: str, why) -> ValidationError:
    return ValidationError(
        BAD_MANIFEST, code="bad_manifest", params={"name": name, "why": why}
    )


def _xml_base(element) -> str:
    return element.get("{http://www.w3.org/XML/1998/namespace}base") or ""


def _mastery(item) -> float | None:
    for child in item:
        if _local(child.tag) == "masteryscore" and _text(child):
            try:
                return float(_text(child))
            except ValueError:
                return None
    return None


def _scorm_units(
    items, *, resources: dict, base: str, names: set[str], depth: int = 0
) -> list[PackageUnit]:
    """The organization's items in manifest order (depth first); every item
    with an ``identifierref`` must name a resource whose file is in the
    package, or the whole package is refused naming that item."""
    units: list[PackageUnit] = []
    for item in items:
        identifier = (item.get("identifier") or "").strip()[:200]
        title = _text(_child(item, "title"))[:300] or identifier
        visible = (item.get("isvisible") or "true").strip().lower() != "false"
        ref = (item.get("identifierref") or "").strip()
        if ref:
            resource = resources.get(ref)
            if resource is None or not resource.get("href"):
                raise ValidationError(
                    MISSING_RESOURCE,
                    code="missing_resource",
                    params={"item": title[:120], "ref": ref[:120]},
                )
            resource_base = posixpath.join(base, _xml_base(resource).strip("/")).strip(
                "/"
            )
            path, query = _launch_path(
                resource.get("href"), base=resource_base, names=names, item=title
            )
            parameters = (item.get("parameters") or "").strip().lstrip("?&")
            scorm_type = next(
                (
                    value
                    for key, value in resource.attrib.items()
                    if _local(key).lower() == "scormtype"
                ),
                "sco",
            )
            units.append(
                PackageUnit(
                    kind="asset" if scorm_type.strip().lower() == "asset" else "sco",
                    identifier=identifier or ref[:200],
                    title=title,
                    depth=depth,
                    path=path,
                    parameters="&".join(part for part in (query, parameters) if part),
                    mastery_score=_mastery(item),
                    visible=visible,
                )
            )
        else:
            units.append(
                PackageUnit(
                    kind="heading",
                    identifier=identifier,
                    title=title,
                    depth=depth,
                    visible=visible,
                )
            )
        units.extend(
            _scorm_units(
                _children(item, "item"),
                resources=resources,
                base=base,
                names=names,
                depth=depth + 1,
            )
        )
    return units


def parse_scorm_manifest(data: bytes, *, names: set[str]) -> PackageManifest:
    """The SCORM 1.2 or 2004 package's default organization as a table of
    contents, every launchable item (SCO or asset) checked to be a file of the
    package; the first one is where a learner starts."""
    root = _parse(data, SCORM_MANIFEST)
    if _local(root.tag) != "manifest":
        raise _bad(SCORM_MANIFEST, _("elemen akarnya bukan <manifest>"))
    version = _text(_child(_child(root, "metadata") or root, "schemaversion"))
    namespaces = " ".join(
        [root.tag, *(element.tag for element in root.iter() if "}" in element.tag)]
    )
    is_2004 = (
        "2004" in version
        or "CAM 1.3" in version
        or "adlcp_v1p3" in namespaces
        or "imsss" in namespaces
    )
    organizations = _child(root, "organizations")
    resources = _child(root, "resources")
    if organizations is None or resources is None:
        raise _bad(SCORM_MANIFEST, _("<organizations> atau <resources> tidak ada"))
    all_orgs = _children(organizations, "organization")
    default = organizations.get("default")
    organization = next(
        (org for org in all_orgs if org.get("identifier") == default),
        all_orgs[0] if all_orgs else None,
    )
    if organization is None:
        raise _bad(SCORM_MANIFEST, _("tidak ada <organization>"))
    by_id = {}
    for resource in _children(resources, "resource"):
        by_id.setdefault(resource.get("identifier"), resource)
    base = posixpath.join(_xml_base(root), _xml_base(resources)).strip("/")
    units = _scorm_units(
        _children(organization, "item"), resources=by_id, base=base, names=names
    )
    launchable = [unit for unit in units if unit.launchable]
    if not launchable:
        raise _bad(SCORM_MANIFEST, _("tidak ada <item> yang dapat diluncurkan"))
    identifiers = [unit.identifier for unit in launchable]
    if len(set(identifiers)) != len(identifiers):
        raise _bad(SCORM_MANIFEST, _("identifier <item> dipakai lebih dari sekali"))
    first = launchable[0]
    title = _text(_child(organization, "title")) or first.title
    return PackageManifest(
        standard=SCORM2004 if is_2004 else SCORM12,
        title=title[:300],
        launch_path=first.path,
        launch_parameters=first.parameters,
        mastery_score=first.mastery_score,
        units=tuple(units),
    )


def _langstring(element) -> str:
    if element is None:
        return ""
    strings = _children(element, "langstring")
    preferred = next(
        (s for s in strings if (s.get("lang") or "").lower().startswith("id")), None
    )
    return _text(preferred if preferred is not None else (strings or [None])[0])


def _cmi5_au(element, *, names: set[str], depth: int, blocks: tuple) -> PackageUnit:
    activity_id = (element.get("id") or "").strip()
    if not activity_id or not urlsplit(activity_id).scheme:
        raise _bad(CMI5_MANIFEST, _("<au> tanpa id berupa IRI"))
    title = _langstring(_child(element, "title"))[:300] or activity_id[:300]
    move_on = element.get("moveOn") or "NotApplicable"
    if move_on not in MOVE_ON:
        raise _bad(CMI5_MANIFEST, _("moveOn “%s” tidak dikenal") % move_on[:40])
    mastery = None
    if element.get("masteryScore"):
        try:
            mastery = float(element.get("masteryScore"))
        except ValueError as error:
            raise _bad(CMI5_MANIFEST, _("masteryScore bukan angka")) from error
        if not 0 <= mastery <= 1:
            raise _bad(CMI5_MANIFEST, _("masteryScore harus antara 0 dan 1"))
    path, query = _launch_path(
        _text(_child(element, "url")), base="", names=names, item=title
    )
    return PackageUnit(
        kind="au",
        identifier=activity_id[:1000],
        title=title,
        depth=depth,
        path=path,
        parameters=query,
        mastery_score=mastery,
        move_on=move_on,
        blocks=blocks,
        launch_data=_text(_child(element, "launchParameters"))[:2000],
    )


def _cmi5_units(
    element, *, names: set[str], depth: int = 0, blocks: tuple = ()
) -> list[PackageUnit]:
    """The course structure's blocks and AUs in document order."""
    units: list[PackageUnit] = []
    for child in element:
        name = _local(child.tag)
        if name == "au":
            units.append(_cmi5_au(child, names=names, depth=depth, blocks=blocks))
        elif name == "block":
            block_id = (child.get("id") or "").strip()[:1000]
            if not block_id or not urlsplit(block_id).scheme:
                raise _bad(CMI5_MANIFEST, _("<block> tanpa id berupa IRI"))
            units.append(
                PackageUnit(
                    kind="block",
                    identifier=block_id,
                    title=_langstring(_child(child, "title"))[:300] or block_id[:300],
                    depth=depth,
                    blocks=blocks,
                )
            )
            units.extend(
                _cmi5_units(
                    child, names=names, depth=depth + 1, blocks=(*blocks, block_id)
                )
            )
    return units


def parse_cmi5_manifest(data: bytes, *, names: set[str]) -> PackageManifest:
    """The cmi5 course structure's blocks and AUs; every AU's URL must be a file
    of the package (AUs hosted elsewhere are not supported)."""
    root = _parse(data, CMI5_MANIFEST)
    if _local(root.tag) != "courseStructure":
        raise _bad(CMI5_MANIFEST, _("elemen akarnya bukan <courseStructure>"))
    units = _cmi5_units(root, names=names)
    aus = [unit for unit in units if unit.kind == "au"]
    if not aus:
        raise _bad(CMI5_MANIFEST, _("tidak ada <au>"))
    identifiers = [unit.identifier for unit in units]
    if len(set(identifiers)) != len(identifiers):
        raise _bad(CMI5_MANIFEST, _("id <au> atau <block> dipakai lebih dari sekali"))
    first = aus[0]
    course = _child(root, "course")
    course_title = _langstring(_child(course, "title")) if course is not None else ""
    return PackageManifest(
        standard=CMI5,
        title=(course_title or first.title)[:300],
        launch_path=first.path,
        launch_parameters=first.parameters,
        activity_id=first.identifier,
        move_on=first.move_on,
        mastery_score=first.mastery_score,
        units=tuple(units),
        course_id=((course.get("id") or "") if course is not None else "")[:1000],
    )


def read_manifest(archive: zipfile.ZipFile, files: list[zipfile.ZipInfo]):
    """The package's manifest: ``cmi5.xml`` or ``imsmanifest.xml`` at its top."""
    names = {safe_member_name(info.filename) or "" for info in files}
    by_name = {safe_member_name(info.filename): info for info in files}
    for manifest, parse in (
        (CMI5_MANIFEST, parse_cmi5_manifest),
        (SCORM_MANIFEST, parse_scorm_manifest),
    ):
        info = by_name.get(manifest)
        if info is not None:
            if info.file_size > MAX_MANIFEST_BYTES:
                raise _bad(manifest, _("manifes terlalu besar"))
            return parse(archive.read(info), names=names)
    raise ValidationError(NO_MANIFEST, code="no_manifest")


def inspect_package(upload) -> tuple[PackageManifest, list[zipfile.ZipInfo]]:
    """Check an uploaded zip (a file object) and read its manifest; the caller
    extracts the returned members from the same open file."""
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ValidationError(NOT_A_ZIP, code="not_a_zip") from error
    files = check_archive(archive)
    try:
        manifest = read_manifest(archive, files)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as error:
        raise ValidationError(NOT_A_ZIP, code="not_a_zip") from error
    return manifest, files
