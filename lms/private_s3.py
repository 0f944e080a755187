"""The private storage on S3-compatible object storage (``MEDIA_STORAGE=s3``): its
own prefix or bucket, private objects, and no URL, not even a presigned one; the
views stream the bytes after their permission check. A module of its own so that
boto3 is imported only where the bucket is used."""

from storages.backends.s3 import S3Storage

from lms.private_files import PrivateStorageMixin


class PrivateS3Storage(PrivateStorageMixin, S3Storage):
    """Private files in the bucket; ``url()`` refuses (see ``PrivateStorageMixin``)."""
