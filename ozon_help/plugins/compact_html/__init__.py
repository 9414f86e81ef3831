"""ozon/compact_html: blank lines and indentation between tags dropped (about 1 KB gzip a page)."""
