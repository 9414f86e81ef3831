from mkdocs.config.base import Config


class BookletConfig(Config):
    """No options: the booklet is the page whose front matter says `booklet: true`."""
