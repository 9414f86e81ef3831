from mkdocs.config.base import Config


class MkdocsMessagesConfig(Config):
    """No options."""
