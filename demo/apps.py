from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo: content files, their loader and ``seed_demo``. It sits on top of
    every other app (it may import any of them; none imports it)."""

    name = "demo"
    verbose_name = "Demo"
