// What a page shows at the size the browser test sets (tests/test_reflow_browser.py): words cut in the
// middle, links off the screen, and the page's own width. Runs in the page; returns plain data.
() => {
  const viewWidth = document.documentElement.clientWidth;
  const problems = [];
  const canvas = document.createElement('canvas').getContext('2d');
  const range = document.createRange();
  // Characters after which a line may break without cutting a word: hyphens, dashes, slash, soft hyphen.
  const breakable = new Set(['-', '\u2010', '\u2011', '\u2013', '\u2014', '/', '\u00ad']);
  const skip = '.md-sidebar, .md-search, .md-header, .sr-only, script, style, noscript, .md-dialog';
  // Not words: phones, e-mails, addresses and code break where they must.
  const notWords = 'a[href^="tel:"], a[href^="mailto:"], code, pre, kbd';
  const address = /@|:\/\/|\.[a-zа-я]{2,}|\/\w/i;

  const blockOf = (el) => {
    let block = el;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    return block || el;
  };
  const lineTop = (node, index) => {
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const rect = [...range.getClientRects()].find((r) => r.width > 0);
    return rect ? Math.round(rect.top) : null;
  };
  const describe = (el) => {
    const block = blockOf(el);
    const id = block.closest('[id]');
    return `${block.tagName.toLowerCase()}${id ? ` in #${id.id}` : ''}`;
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest(skip) || el.closest(notWords)) continue;
    if (!el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) continue;
    const block = blockOf(el);
    if (block.clientWidth < 24) continue; // 1 px boxes that only screen readers read
    const words = /[^\s\u00a0]{2,}/g;
    let match;
    while ((match = words.exec(node.data))) {
      const start = match.index;
      const word = match[0];
      if (address.test(word)) continue;
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (new Set(rects.map((r) => Math.round(r.top))).size < 2) continue;
      // The first character that starts a new line, and what stands before it.
      const firstTop = lineTop(node, start);
      let cut = 1;
      while (cut < word.length && lineTop(node, start + cut) === firstTop) cut += 1;
      if (breakable.has(word[cut - 1])) continue;
      const style = getComputedStyle(el);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // measured as drawn: capitals where CSS makes them (Material's h5, h6), with the letter spacing
      let drawn = word.replaceAll('\u00ad', '');
      if (style.textTransform === 'uppercase') drawn = drawn.toUpperCase();
      const spacing = parseFloat(style.letterSpacing) || 0;
      const width = canvas.measureText(drawn).width + spacing * drawn.length;
      const blockStyle = getComputedStyle(block);
      const room = block.clientWidth - parseFloat(blockStyle.paddingLeft) - parseFloat(blockStyle.paddingRight);
      const at = `${word.slice(0, cut)}/${word.slice(cut)}`;
      if (width <= room - 2) {
        problems.push(`«${at}» cut in ${describe(el)} though it fits its line (${Math.round(width)} of ${Math.round(room)} px)`);
      } else if (style.hyphens !== 'auto') {
        problems.push(`«${at}» in ${describe(el)} is wider than its line and breaks without hyphenation (hyphens: ${style.hyphens})`);
      }
    }
  }

  // A link must be on the screen, or inside a frame that scrolls sideways (a wide table with its hint).
  for (const link of document.querySelectorAll('.md-content a[href]')) {
    if (link.closest(skip) || !link.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) continue;
    const box = link.getBoundingClientRect();
    if (box.width === 0 || (box.left >= -1 && box.right <= viewWidth + 1)) continue;
    let frame = link.parentElement;
    while (frame && !(frame.scrollWidth > frame.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(frame).overflowX))) {
      frame = frame.parentElement;
    }
    if (!frame || frame === document.scrollingElement || frame === document.body) {
      problems.push(`link «${link.innerText.trim().slice(0, 40)}» is off the screen (${Math.round(box.left)}–${Math.round(box.right)} px)`);
    }
  }
  return {width: document.scrollingElement.scrollWidth, problems};
}
