from mkdocs.config.base import Config


class CompactHtmlConfig(Config):
    """No options."""
