from mkdocs.config.base import Config


class PrintLinksConfig(Config):
    """No options."""
