from mkdocs.config.base import Config


class ConfigGuardConfig(Config):
    """No options: the allow-lists are code (guard.py), never settings of the file they check."""
