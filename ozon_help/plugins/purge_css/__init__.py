"""ozon/purge_css: Material's CSS without rules no page can use (dev/publishing.md)."""
