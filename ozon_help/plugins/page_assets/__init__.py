"""ozon/page_assets: per-page stylesheets (front matter extra_css); search worker loaded on first search."""
