from mkdocs.config.base import Config


class PageAssetsConfig(Config):
    """No options."""
