from mkdocs.config.base import Config


class PageDatesConfig(Config):
    """No options."""
