/*
 * Russian search worker for Material for MkDocs' search box.
 *
 * Material's search box talks to a web worker through four messages (SETUP, READY, QUERY, RESULT)
 * and renders whatever the worker returns. Its stock worker (lunr) appends `*` to every query word
 * and lunr never stems wildcard terms, so Russian inflected forms miss. This worker speaks the same
 * protocol and ranks whole guides:
 *
 * - index and query go through one path: lower case, ё → е, Russian stop words dropped, Snowball
 *   Russian stemmer (lunr-languages `ru`, shipped with Material under assets/javascripts/lunr/);
 * - a query word also matches indexed stems it is a prefix of (the reader is still typing), stems
 *   that are a prefix of it (a longer derived form), and, when it is not in the vocabulary at all,
 *   stems one or two edits away (typos);
 * - per page, each query word takes its best field in any section; title and the guide's «asked»
 *   phrases weigh most, then section headings, then text; pages covering more query words win;
 * - results come back grouped by page, the best-matching section first, with <mark> highlights.
 *
 * The index (search/search_index.json) is reshaped at build time by hooks/search_ru.py: plain-text
 * titles and texts, each guide's «asked» phrases on its first entry, page boosts.
 */

/* global importScripts */

var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 }

/* A word in one of these fields adds this much on top of its (saturated) count in the text, which
   is at most K1 + 1: the guide's own words about itself count most. */
var FIELD = { title: 3, asked: 2.5, heading: 1.2 }
var MAX_PAGES = 12          /* result groups sent to the UI; Material renders 10 at once */
var MAX_SECTIONS = 3        /* sections shown under each page */
var MIN_RELATIVE_SCORE = 0.05
var K1 = 1.2                /* BM25 saturation */
var B = 0.6                 /* BM25 length normalisation for section text */
var TOGETHER = 1            /* weight of the best single doc's sum in a page's score */
var COVERAGE = 2            /* a page missing query words: score × (share of words found) ^ COVERAGE */

var WORD = /[0-9a-zа-яё]+/gi
var WORD_CASED = /[0-9A-Za-zА-Яа-яЁё]+/g

/* --- Stemmer: lunr-languages ru, loaded with the smallest stand-in for lunr it needs ---------- */

var stopWords = new Set()
var stemCache = new Map()
var stemRu = null

async function loadStemmer() {
  var base = "lunr/min/"
  /* Under the iframe-worker shim (file:// with the offline plugin) relative URLs resolve against
     the page, not this script: take the directory of the script element that loaded us. */
  if (typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent) {
    var script = document.querySelector("script[src]")
    base = script.src.slice(0, script.src.lastIndexOf("/") + 1) + base
  }
  self.lunr = {
    Pipeline: { registerFunction: function () {} },
    generateStopWordFilter: function (words) {
      var filter = function (token) { return stopWords.has(token) ? undefined : token }
      words.forEach(function (word) { stopWords.add(word.replace(/\ufeff/g, "").replace(/ё/g, "е")) })
      return filter
    }
  }
  await importScripts(base + "lunr.stemmer.support.min.js", base + "lunr.ru.min.js")
  stemRu = self.lunr.ru.stemmer
}

function normalise(text) {
  return text.toLowerCase().replace(/ё/g, "е")
}

function stem(word) {
  var cached = stemCache.get(word)
  if (cached === undefined) {
    cached = /[а-я]/.test(word) ? stemRu(word) : word
    stemCache.set(word, cached)
  }
  return cached
}

/* The stem of a word as written on the page (any case, ё): highlighting looks up every shown word. */
var rawCache = new Map()
function stemOfRaw(word) {
  var cached = rawCache.get(word)
  if (cached === undefined) {
    cached = stem(normalise(word))
    rawCache.set(word, cached)
  }
  return cached
}

/* Words of a text as stems, stop words left out. */
function stems(text) {
  var out = []
  var words = normalise(text).match(WORD) || []
  for (var i = 0; i < words.length; i++)
    if (!stopWords.has(words[i]))
      out.push(stem(words[i]))
  return out
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}

/* --- Index --------------------------------------------------------------------------------- */

var docs = []               /* {location, title, text, plain, page, boost} */
var pages = []              /* {article, sections: [doc index]} */
var postings = new Map()    /* stem -> [doc, text score, field score, doc, text score, field score, ...] */
var vocabulary = []
/* per-page marks for counting distinct pages without allocating a Set per query word */
var seenAnywhere = new Uint32Array(0), seenInFields = new Uint32Array(0), stamp = 0

function buildIndex(input) {
  var byUrl = new Map()
  var textStems = []
  var total = 0
  docs = []
  pages = []
  postings = new Map()

  for (var i = 0; i < input.length; i++) {
    var entry = input[i]
    var url = entry.location.split("#")[0]
    var page = byUrl.get(url)
    if (page === undefined) {
      page = { article: i, sections: [], title: entry.title, boost: entry.boost || 1 }
      byUrl.set(url, pages.push(page) - 1)
      page = pages.length - 1
    }
    var plain = entry.text || ""  /* plain text: hooks/search_ru.py strips the markup at build time */
    docs.push({
      location: entry.location, title: entry.title,
      plain: plain, page: page, isArticle: pages[page].article === i
    })
    if (pages[page].article !== i)
      pages[page].sections.push(i)
    textStems.push(stems(plain))
    total += textStems[i].length
  }
  var average = Math.max(1, total / Math.max(1, input.length))

  for (var d = 0; d < input.length; d++) {
    var doc = docs[d]
    var counts = new Map()    /* stem -> length-normalised count in the text */
    var bonus = new Map()     /* stem -> the strongest field it appears in */
    var text = textStems[d]
    var norm = 1 - B + B * text.length / average
    for (var k = 0; k < text.length; k++)
      counts.set(text[k], (counts.get(text[k]) || 0) + 1 / norm)
    var field = function (list, weight) {
      for (var k = 0; k < list.length; k++)
        if ((bonus.get(list[k]) || 0) < weight)
          bonus.set(list[k], weight)
    }
    if (doc.isArticle) {
      field(stems(doc.title), FIELD.title)
      if (input[d].asked)
        field(stems(input[d].asked), FIELD.asked)
    } else {
      field(stems(doc.title), FIELD.heading)
    }
    bonus.forEach(function (_, term) {
      if (!counts.has(term))
        counts.set(term, 0)
    })
    counts.forEach(function (tf, term) {
      var list = postings.get(term)
      if (list === undefined)
        postings.set(term, list = [])
      list.push(d, (K1 + 1) * tf / (tf + K1), bonus.get(term) || 0)
    })
  }

  vocabulary = Array.from(postings.keys()).sort()
  seenAnywhere = new Uint32Array(pages.length)
  seenInFields = new Uint32Array(pages.length)
}

/* --- Query --------------------------------------------------------------------------------- */

/* Damerau-Levenshtein distance (optimal string alignment), giving up above `limit`. Three rows
   reused across calls: the typo scan runs over the whole vocabulary and must not churn memory. */
var ROW = 64
var rowA = new Int32Array(ROW), rowB = new Int32Array(ROW), rowC = new Int32Array(ROW)

function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit || b.length >= ROW - 1)
    return limit + 1
  var before = rowA, previous = rowB, current = rowC, swap, i, j
  for (j = 0; j <= b.length; j++)
    previous[j] = j
  for (i = 1; i <= a.length; i++) {
    current[0] = i
    var best = i
    for (j = 1; j <= b.length; j++) {
      var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        value = Math.min(value, before[j - 2] + 1)
      current[j] = value
      if (value < best)
        best = value
    }
    if (best > limit)
      return limit + 1
    swap = before; before = previous; previous = current; current = swap
  }
  return previous[b.length]
}

/* The indexed stems a query word stands for, each with how much we trust the match. */
function alternatives(word) {
  var term = stem(word)
  var found = new Map()
  if (postings.has(term))
    found.set(term, 1)
  if (term.length >= 3) {
    /* still typing, or a shorter query form: «претенз» → «претензи…» */
    var start = lowerBound(term)
    for (var i = start; i < vocabulary.length && vocabulary[i].startsWith(term); i++)
      if (!found.has(vocabulary[i]))
        found.set(vocabulary[i], 0.7)
    /* a sibling form the stemmer cut differently: «вернут» ~ «вернул», «потерян» ~ «потеря» */
    if (term.length >= 5) {
      var stemPart = term.slice(0, Math.max(5, term.length - 2))
      for (var s = lowerBound(stemPart); s < vocabulary.length && vocabulary[s].startsWith(stemPart); s++)
        if (!found.has(vocabulary[s]) && Math.abs(vocabulary[s].length - term.length) <= 2)
          found.set(vocabulary[s], 0.5)
    }
    /* a longer derived form: «претензионн» → «претенз» */
    for (var cut = term.length - 1; cut >= Math.max(4, term.length - 3); cut--) {
      var prefix = term.slice(0, cut)
      if (postings.has(prefix) && !found.has(prefix))
        found.set(prefix, 0.6)
    }
  }
  if (!postings.has(term) && term.length >= 4) {
    /* a typo: one edit, two for long words */
    var limit = term.length >= 8 ? 2 : 1
    for (var v = 0; v < vocabulary.length; v++) {
      var candidate = vocabulary[v]
      if (found.has(candidate))
        continue
      var edits = distance(term, candidate, limit)
      if (edits <= limit)
        found.set(candidate, edits === 1 ? 0.6 : 0.4)
    }
  }
  return { word: word, stem: term, matches: found }
}

function lowerBound(term) {
  var low = 0, high = vocabulary.length
  while (low < high) {
    var mid = (low + high) >> 1
    if (vocabulary[mid] < term) low = mid + 1
    else high = mid
  }
  return low
}

/* Inverse page frequency. Two are used per query word: among all pages for its text score, and
   among pages that have it in a title, heading or asked phrase for its field score: «деньги» is on
   every page but in few titles, and a title says what a page is about. */
function idf(df) {
  var n = pages.length
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

function search(query) {
  var words = (normalise(query).match(WORD) || [])
    .filter(function (word) { return !stopWords.has(word) })
  if (!words.length)
    return { items: [] }
  var terms = words.map(alternatives)

  /* best score of each query word in each doc */
  var docScores = new Map()     /* doc -> Float64Array(per query word) */
  var docMatched = new Map()    /* doc -> Set of matched stems (for highlighting) */
  terms.forEach(function (term, t) {
    /* One rarity for the whole word, over every stem it matched: Snowball leaves «вернут» whole
       but cuts «вернули» to «верн», and the rarer variant must not outweigh the common one. */
    var anywhere = 0, inFields = 0
    stamp += 2
    term.matches.forEach(function (_, indexed) {
      var list = postings.get(indexed)
      for (var k = 0; k < list.length; k += 3) {
        var p = docs[list[k]].page
        if (seenAnywhere[p] !== stamp) { seenAnywhere[p] = stamp; anywhere++ }
        if (list[k + 2] > 0 && seenInFields[p] !== stamp) { seenInFields[p] = stamp; inFields++ }
      }
    })
    var textRarity = idf(anywhere), fieldRarity = idf(inFields)
    term.matches.forEach(function (trust, indexed) {
      var list = postings.get(indexed)
      var textWeight = trust * textRarity
      var fieldWeight = trust * fieldRarity
      for (var k = 0; k < list.length; k += 3) {
        var d = list[k]
        var score = textWeight * list[k + 1] + fieldWeight * list[k + 2]
        var scores = docScores.get(d)
        if (scores === undefined) {
          docScores.set(d, scores = new Float64Array(terms.length))
          docMatched.set(d, new Set())
        }
        if (score > scores[t])
          scores[t] = score
        docMatched.get(d).add(indexed)
      }
    })
  })

  /* A page takes, for each query word, its best doc; words found together in one doc (a section,
     or the title with the asked phrases) add TOGETHER times that doc's sum; coverage multiplies. */
  var pageScores = new Map()
  var together = new Map()
  docScores.forEach(function (scores, d) {
    var p = docs[d].page
    var best = pageScores.get(p)
    if (best === undefined)
      pageScores.set(p, best = new Float64Array(terms.length))
    var matched = 0
    for (var t = 0; t < terms.length; t++) {
      if (scores[t] > best[t])
        best[t] = scores[t]
      if (scores[t] > 0) matched++
    }
    if (matched > 1)
      together.set(p, Math.max(together.get(p) || 0, sum(scores)))
  })
  var ranked = []
  pageScores.forEach(function (best, p) {
    var covered = 0
    for (var t = 0; t < terms.length; t++)
      if (best[t] > 0) covered++
    var coverage = covered / terms.length
    var score = (sum(best) + TOGETHER * (together.get(p) || 0)) * Math.pow(coverage, COVERAGE)
    ranked.push({ page: p, score: score * pages[p].boost, best: best })
  })
  ranked.sort(function (a, b) { return b.score - a.score })
  if (!ranked.length)
    return { items: [] }
  var top = ranked[0].score
  ranked = ranked.filter(function (r) { return r.score >= top * MIN_RELATIVE_SCORE }).slice(0, MAX_PAGES)

  return {
    items: ranked.map(function (r) { return group(r, terms, docScores, docMatched) })
  }
}

function sum(scores) {
  var total = 0
  if (scores)
    for (var i = 0; i < scores.length; i++) total += scores[i]
  return total
}

/* One result group as Material renders it: the best section first, then the article, then more. */
function group(result, terms, docScores, docMatched) {
  var page = pages[result.page]
  var sections = page.sections
    .filter(function (d) { return docScores.has(d) })
    .sort(function (a, b) { return sum(docScores.get(b)) - sum(docScores.get(a)) })
    .slice(0, MAX_SECTIONS)
  var matchedTerms = {}   /* filled below, once the shown words are known */
  var forms = new Set()   /* words as written in the shown titles and snippets that matched */
  var item = function (d, score) {
    var doc = docs[d]
    var marked = docMatched.get(d) || new Set()
    return {
      location: doc.location,
      title: highlight(escapeHtml(doc.title), marked, forms),
      text: snippet(doc.plain, marked, forms),
      score: score,
      terms: matchedTerms
    }
  }
  var out = []
  sections.forEach(function (d, i) {
    out.push(item(d, i === 0 ? result.score : result.score * sum(docScores.get(d)) / (sum(docScores.get(sections[0])) + 1e-9) * 0.999))
  })
  var article = item(page.article, sections.length ? 0 : result.score)
  if (sections.length)
    out.splice(1, 0, article)
  else
    out.unshift(article)
  /* Material puts the true keys into the result link's ?h= and the guide highlights words that
     start with one of them, trying them in order: whole forms, longest first, then the stems. */
  Array.from(forms).sort(function (a, b) { return b.length - a.length }).forEach(function (form) {
    matchedTerms[form] = true
  })
  terms.forEach(function (term, t) {
    if (result.best[t] > 0)
      matchedTerms[term.stem] = true
  })
  terms.forEach(function (term, t) {
    if (!(result.best[t] > 0))
      matchedTerms[term.word] = false  /* shown struck out as missing */
  })
  return out
}

function highlight(escaped, marked, forms) {
  if (!marked.size)
    return escaped
  return escaped.replace(WORD_CASED, function (word) {
    if (!marked.has(stemOfRaw(word)))
      return word
    if (forms)
      forms.add(word.toLowerCase())
    return "<mark>" + word + "</mark>"
  })
}

/* About 240 characters of the section around its first match. */
function snippet(plain, marked, forms) {
  if (!plain)
    return ""
  var start = 0
  if (marked.size) {
    WORD_CASED.lastIndex = 0
    var match
    while ((match = WORD_CASED.exec(plain)) !== null)
      if (marked.has(stemOfRaw(match[0]))) {
        start = Math.max(0, match.index - 60)
        break
      }
    WORD_CASED.lastIndex = 0
  }
  if (start > 0) {
    var space = plain.indexOf(" ", start)
    start = space === -1 ? start : space + 1
  }
  var end = Math.min(plain.length, start + 240)
  if (end < plain.length) {
    var cut = plain.lastIndexOf(" ", end)
    end = cut > start ? cut : end
  }
  var text = (start > 0 ? "… " : "") + plain.slice(start, end) + (end < plain.length ? " …" : "")
  return "<p>" + highlight(escapeHtml(text), marked, forms) + "</p>"
}

/* --- Protocol ------------------------------------------------------------------------------ */

async function handle(message) {
  switch (message.type) {
    case MESSAGE.SETUP:
      await loadStemmer()
      buildIndex(message.data.docs)
      return { type: MESSAGE.READY }
    case MESSAGE.QUERY:
      try {
        return { type: MESSAGE.RESULT, data: search(message.data) }
      } catch (error) {
        console.warn("search failed for query:", message.data, error)
        return { type: MESSAGE.RESULT, data: { items: [] } }
      }
    default:
      throw new TypeError("Invalid message type")
  }
}

/* exposed for tests that compare this stemmer with the build's */
self.searchRu = { stems: stems, search: search, loadStemmer: loadStemmer, buildIndex: buildIndex }

addEventListener("message", async function (event) {
  postMessage(await handle(event.data))
})
