"""ozon/seo: JSON-LD for guides, robots.txt."""
