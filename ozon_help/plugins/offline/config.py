from mkdocs.config.base import Config


class OfflineConfig(Config):
    """No options: the offline build is Material's offline plugin turned on (mode.py)."""
