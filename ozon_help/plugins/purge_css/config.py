from mkdocs.config.base import Config


class PurgeCssConfig(Config):
    """No options."""
