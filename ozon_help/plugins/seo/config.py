from mkdocs.config.base import Config


class SeoConfig(Config):
    """No options."""
