// Building DOM without innerHTML: text always goes in as text, so nothing the buyer types, and
// nothing in the data file, is ever parsed as HTML.

/** el("p", {class: "x", text: "…"}, child…): attributes set one by one; `text` becomes textContent. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}
