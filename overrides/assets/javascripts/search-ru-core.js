/*
 * The Russian search engine behind Material's search box, without Material and without a worker:
 * the worker (search-ru-worker.js) loads it with importScripts, Node's tests with require().
 *
 * The index is prebuilt by ozon/search_ru: every page's words as written (folded: lower case,
 * ё and э as е), with per-section counts of the guide's own text and of quoted text, and the
 * strongest field each word appears in (title, asked phrases, heading). The engine stems only the
 * vocabulary (a few thousand words) when it loads, and merges the postings of a stem the first time
 * a query uses it or when the worker has a moment (warm), so the reader waits for no re-indexing.
 *
 * A query goes through:
 * - spelling: folding, the editors' list of common misspellings, and for words typed in Latin
 *   letters or in the wrong keyboard layout the converted forms (the reading that matches best
 *   wins; one that matches about as well adds its matches: «ozon» is also «озон»);
 * - synonyms: words and phrases the editors grouped as meaning the same for a buyer;
 * - matching: the Snowball stem; other forms of the same verb the stemmer cuts differently (past
 *   and present tense, with and without a perfective prefix); a prefix while the last word is still
 *   being typed; near stems within an edit distance that grows with the word's length;
 * - ranking: per page, each query word takes its best section; title and asked phrases weigh most
 *   (a short title more than a long one), then headings, then the guide's own text, and quoted text
 *   (scam messages, sample letters) least.
 */

/* global module, self */
;(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory()
  else
    root.SearchRuCore = factory()
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  /* Ranking weights; createEngine(options.weights) may override them (the benchmark compares).
     A word in a field adds title/asked/heading on top of its saturated text score (at most k1 + 1):
     the guide's own words about itself count most. */
  var WEIGHTS = {
    title: 3, asked: 2.5, heading: 1.2,
    quoted: 0.3,     /* a word in a quoted message counts this much of the guide's own word */
    k1: 1.2,         /* BM25 saturation */
    b: 0.6,          /* BM25 length normalisation for section text */
    together: 1,     /* weight of the best single doc's sum in a page's score */
    depth: 0.5,      /* a page that comes back to a query word in other sections is about it */
    coverage: 2,     /* a page missing query words: score × (share of words found) ^ coverage */
    titleLength: 0.5 /* BM25F length normalisation of a page's title: a word weighs more in a short
                        title (the page is about it) than in a long one that names more things */
  }
  var MAX_PAGES = 12          /* result groups sent to the UI; Material renders 10 at once */
  var MAX_SECTIONS = 3        /* sections shown under each page */
  var MIN_RELATIVE_SCORE = 0.05
  var MAX_PREFIX_MATCHES = 30 /* a short word being typed must not pull in half the vocabulary */
  /* A query's bound: the longest of the project's 165 test queries is 55 characters and 9 words. A
     13 KB paste froze the tab for 7.5 s; the search box (maxlength) and ?q=/?h= links
     (search-ru-config.js) are cut to the same length, and the engine cuts again whatever reaches it. */
  var MAX_QUERY_CHARS = 200
  var MAX_QUERY_WORDS = 16

  /* How much a matched stem is trusted, by the way it was reached. */
  var TRUST = {
    form_as_typed: 1.15, exact: 1, form: 0.85, synonym: 0.8, converted: 0.95,
    typing: 0.7, longer: 0.6, shorter: 0.6, near: 0.5, typo1: 0.6, typo2: 0.4, prefixed: 0.5
  }

  var WORD = /[0-9a-zа-я]+/g
  var WORD_CASED = /[0-9A-Za-zА-Яа-яЁё]+/g

  /* --- Spelling ---------------------------------------------------------------------------- */

  /* Lower case, ё and э as е: buyers write «е» for both, and «э» for «е» («тревэл»). The index
     (ozon_help/plugins/search_ru/synonyms.py `fold`) folds the same way. */
  function fold(text) {
    return String(text).toLowerCase().replace(/[ёэ]/g, "е")
  }

  function words(text) {
    return fold(text).match(WORD) || []
  }

  /* The same keys on a Latin (QWERTY) and a Russian (ЙЦУКЕН) keyboard. */
  var LATIN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>"
  var RUSSIAN_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ"
  var toRussianKey = new Map(), toLatinKey = new Map()
  for (var k = 0; k < LATIN_KEYS.length; k++) {
    toRussianKey.set(LATIN_KEYS[k], RUSSIAN_KEYS[k])
    toLatinKey.set(RUSSIAN_KEYS[k], LATIN_KEYS[k])
  }

  /* Text typed with the Latin layout on while the reader meant Russian: «jpjy» → «озон». */
  function fromLatinLayout(text) {
    var out = ""
    for (var i = 0; i < text.length; i++)
      out += toRussianKey.get(text[i]) || text[i]
    return out
  }

  /* The reverse: «щящт» → «ozon». */
  function fromRussianLayout(text) {
    var out = ""
    for (var i = 0; i < text.length; i++)
      out += toLatinKey.get(text[i]) || text[i]
    return out
  }

  /* Latin transliteration as buyers type it (no single standard: «vozvrat», «otklyuchit»,
     «zhaloba», «podderzhka»): longest letter groups first. */
  var TRANSLIT = [
    ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["ch", "ч"], ["sh", "ш"], ["ts", "ц"],
    ["yu", "ю"], ["ju", "ю"], ["ya", "я"], ["ja", "я"], ["yo", "е"], ["jo", "е"], ["ye", "е"],
    ["a", "а"], ["b", "б"], ["c", "к"], ["d", "д"], ["e", "е"], ["f", "ф"], ["g", "г"], ["h", "х"],
    ["i", "и"], ["j", "й"], ["k", "к"], ["l", "л"], ["m", "м"], ["n", "н"], ["o", "о"], ["p", "п"],
    ["q", "к"], ["r", "р"], ["s", "с"], ["t", "т"], ["u", "у"], ["v", "в"], ["w", "в"], ["x", "кс"],
    ["z", "з"], ["'", "ь"]
  ]
  var VOWELS = "аеиоуыюя"

  function transliterate(text) {
    var lower = text.toLowerCase(), out = ""
    for (var i = 0; i < lower.length;) {
      var done = false
      for (var r = 0; r < TRANSLIT.length; r++) {
        var latin = TRANSLIT[r][0]
        if (lower.startsWith(latin, i)) {
          out += TRANSLIT[r][1]
          i += latin.length
          done = true
          break
        }
      }
      if (!done && lower[i] === "y") {
        /* «y» alone is «й» after a vowel («moy», «otkroy»), «ы» otherwise («vy», «byl») */
        var previous = out[out.length - 1]
        out += previous && VOWELS.indexOf(previous) !== -1 ? "й" : "ы"
        i++
      } else if (!done) {
        out += lower[i++]
      }
    }
    return out
  }

  /* Forms of the same verb that Snowball leaves with different stems: the past tense the buyer
     types («вернул», «пришол», «потеряли») and the present or infinitive the guide uses, and back. */
  var TENSE_RULES = [
    /* past → infinitive, present and the other past forms: «вернули» → «вернуть», «вернут» */
    [/^(.{2,}[аеиоуыя])л(а|о|и)?(сь|ся)?$/, ["$1ть", "$1т", "$1л", "$1ла", "$1ли", "$1ет", "$1ют"]],
    /* past with a fleeting vowel: «пришел», «пришол» → «пришла», «пришли» */
    [/^(.{3,}[^аеиоуыя])[ео]л$/, ["$1ла", "$1ли", "$1ел"]],
    /* present → past and infinitive: «выдает» → «выдал», «выдать» */
    [/^(.{2,}[аеиоуыя])(ет|ют|ит|ят)(ся)?$/, ["$1л", "$1ли", "$1ть", "$1ла"]],
    [/^(.{2,}[^аеиоуыя])(ет|ут|ит|ат|ят)(ся)?$/, ["$1ла", "$1ли", "$1ать", "$1ить", "$1ел"]],
    /* past of a verb in -зти/-сти without «л»: «привез», «принес» → «привезли», «привезти» */
    [/^(.{3,}[аеиоуя][зс])$/, ["$1ла", "$1ли", "$1ти"]]
  ]

  /* Verb prefixes that make the perfective of the same verb («игнорирует» ~ «проигнорировали»,
     «требовать» ~ «потребовали», «блокировать» ~ «заблокировали»). Snowball keeps a
     prefix, so the two forms get unrelated stems. Only stems of at least PREFIXED_ROOT letters are
     joined this way: a short root under a prefix is often another word («ставка» / «доставка»). */
  var VERB_PREFIXES = ["пере", "недо", "воз", "вос", "под", "при", "про", "раз", "рас", "вз", "вы", "до",
    "за", "из", "ис", "на", "об", "от", "по", "в", "о", "с", "у"]
  var PREFIXED_ROOT = 6

  /* Nouns whose genitive plural drops the ending and gains a vowel the other forms lack, which
     Snowball keeps: «денег» ~ «деньги», «посылок» ~ «посылки», «ошибок» ~ «ошибка», and back. */
  var NOUN_RULES = [
    [/^(.{2,}[^аеиоуыяйь])[ео]([бвгджзклмнпрстфхцчшщ])$/, ["$1$2и", "$1$2а", "$1ь$2и", "$1ь$2а"]],
    [/^(.{2,}[^аеиоуыя])ь?([бвгджзклмнпрстфхцчшщ])(и|а|у|ой|е)$/, ["$1е$2", "$1о$2"]]
  ]

  function otherForms(word) {
    return formsBy(TENSE_RULES, word)
  }

  function nounForms(word) {
    return formsBy(NOUN_RULES, word)
  }

  function formsBy(rules, word) {
    var out = []
    rules.forEach(function (rule) {
      var match = rule[0].exec(word)
      if (match)
        rule[1].forEach(function (pattern) {
          out.push(pattern.replace("$1", match[1]).replace("$2", match[2] || ""))
        })
    })
    return out
  }

  /* Damerau-Levenshtein distance (optimal string alignment), giving up above `limit`. Three rows
     reused across calls: the typo scan runs over the whole vocabulary and must not churn memory. */
  var ROW = 64
  var rowA = new Int32Array(ROW), rowB = new Int32Array(ROW), rowC = new Int32Array(ROW)

  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit || b.length >= ROW - 1 || a.length >= ROW - 1)
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

  /* How many edits a stem of this length may be away and still count as the same word: short
     stems differ in a letter between unrelated words («суд» / «сут»), long ones rarely do. */
  function editLimit(length) {
    return length < 5 ? 0 : length < 8 ? 1 : 2
  }

  /* --- Stemmer ----------------------------------------------------------------------------- */

  /* The smallest stand-in for lunr that lunr-languages' stemmer.support and ru scripts need (the
     files Material ships under assets/javascripts/lunr/min/). They fill `ru.stemmer` and pass the
     Russian stop words to generateStopWordFilter, which keeps them (folded) in `stopWords`. */
  function lunrStandIn() {
    var stopWords = new Set()
    return {
      stopWords: stopWords,
      Pipeline: { registerFunction: function () {} },
      generateStopWordFilter: function (list) {
        list.forEach(function (word) { stopWords.add(fold(word.replace(/\ufeff/g, ""))) })
        return function (token) { return stopWords.has(token) ? undefined : token }
      }
    }
  }

  /* A memoised stem function over lunr-languages' Russian stemmer; Latin words and numbers stay. */
  function stemmerFrom(lunr) {
    var stemRu = lunr.ru.stemmer
    var cache = new Map()
    return function (word) {
      var cached = cache.get(word)
      if (cached === undefined) {
        cached = /[а-я]/.test(word) ? stemRu(word) : word
        cache.set(word, cached)
      }
      return cached
    }
  }

  /* --- Engine ------------------------------------------------------------------------------ */

  /*
   * options.stem: word → stem; options.stopWords: Set of folded stop words;
   * docs: Material's entries [{location, title, text, boost?}];
   * index: the prebuilt part (ozon/search_ru): {version, lengths, words, postings, synonyms,
   *   misspellings, fallback}.
   */
  function createEngine(options, docs, index) {
    var stem = options.stem
    var stopWords = options.stopWords
    var W = Object.assign({}, WEIGHTS, options.weights || {})
    var FIELD_WEIGHT = [0, W.heading, W.asked, W.title]  /* by the hook's field code (FIELD_CODE) */
    var HEADING = 1, TITLE = 3
    var K1 = W.k1
    if (!index || index.version !== 1)
      throw new Error("search-ru: the index has no prebuilt part (is ozon/search_ru in mkdocs.yml's plugins?)")

    /* pages: the first entry of a URL is the page's article, the others its sections */
    var pages = [], docPage = new Int32Array(docs.length), byUrl = new Map()
    docs.forEach(function (entry, d) {
      var url = entry.location.split("#")[0]
      var p = byUrl.get(url)
      if (p === undefined) {
        p = pages.push({ article: d, sections: [], boost: entry.boost || 1 }) - 1
        byUrl.set(url, p)
      } else {
        pages[p].sections.push(d)
      }
      docPage[d] = p
    })

    var average = 0
    index.lengths.forEach(function (length) { average += length })
    average = Math.max(1, average / Math.max(1, docs.length))
    var norm = new Float64Array(docs.length)
    for (var d = 0; d < docs.length; d++)
      norm[d] = 1 - W.b + W.b * index.lengths[d] / average

    /* The title field's weight per page, by the title's length in indexed words against the
       average title (BM25F): «Заказ потерялся» is all about a lost order; «Посылка потерялась при
       сортировке на складе» names the same words among more. Headings and asked phrases keep their
       weight (the prebuilt index does not say which asked phrase a word is in). */
    var titleWeight = new Float64Array(docs.length)
    var titleWords = pages.map(function (page) {
      return words(docs[page.article].title || "").filter(function (word) { return !stopWords.has(word) }).length
    })
    var averageTitle = Math.max(1, sum(titleWords) / Math.max(1, pages.length))
    pages.forEach(function (page, p) {
      titleWeight[page.article] = W.title / (1 - W.titleLength + W.titleLength * titleWords[p] / averageTitle)
    })

    /* vocabulary: stem → ids of the written words it stands for. The build sends each word's stem
       (ozon/search_ru stems_of: how many letters of the word it keeps, or the stem itself), so the
       vocabulary is not stemmed here when the reader turns to search; an index without them is. */
    var wordsOfStem = new Map()
    var prebuiltStems = Array.isArray(index.stems) && index.stems.length === index.words.length ? index.stems : null
    index.words.forEach(function (word, w) {
      var given = prebuiltStems && prebuiltStems[w]
      var s = typeof given === "number" ? word.slice(0, given) : typeof given === "string" ? given : stem(word)
      var list = wordsOfStem.get(s)
      if (list === undefined)
        wordsOfStem.set(s, list = [])
      list.push(w)
    })
    var vocabulary = Array.from(wordsOfStem.keys()).sort()
    var wordId = new Map()
    index.words.forEach(function (word, w) { wordId.set(word, w) })
    /* a key for the postings of one written form only: the form as typed counts a little more */
    var AS_TYPED = "="

    var misspellings = new Map(Object.entries(index.misspellings || {}))
    var synonyms = prepareSynonyms(index.synonyms || [])

    var seenAnywhere = new Uint32Array(pages.length), seenInFields = new Uint32Array(pages.length), stamp = 0
    var seenInPageFields = new Uint32Array(pages.length)
    var merged = new Map()

    /* A stem's postings as a flat array [doc, text score, field score, ...], merged from its
       written words the first time a query needs it. Each word's postings are a string of base-36
       numbers: doc (as a gap from the previous doc), own count, quoted count, field code. */
    var tfScratch = new Float64Array(docs.length), fieldScratch = new Uint8Array(docs.length)
    var seenScratch = new Uint32Array(docs.length), inScratch = new Int32Array(docs.length), mergeStamp = 0

    function postings(s) {
      var cached = merged.get(s)
      if (cached !== undefined)
        return cached
      var ids = s[0] === AS_TYPED ? [wordId.get(s.slice(1))] : wordsOfStem.get(s)
      var n = 0
      mergeStamp += 1
      for (var w = 0; w < ids.length; w++) {
        var numbers = decode(index.postings[ids[w]])
        var doc = 0
        for (var i = 0; i < numbers.length; i += 4) {
          doc += numbers[i]
          if (seenScratch[doc] !== mergeStamp) {
            seenScratch[doc] = mergeStamp
            inScratch[n++] = doc
            tfScratch[doc] = 0
            fieldScratch[doc] = 0
          }
          tfScratch[doc] += numbers[i + 1] + W.quoted * numbers[i + 2]
          if (numbers[i + 3] > fieldScratch[doc])
            fieldScratch[doc] = numbers[i + 3]
        }
      }
      var list = new Float64Array(3 * n)
      for (var j = 0; j < n; j++) {
        var d = inScratch[j], t = tfScratch[d] / norm[d]
        list[3 * j] = d
        list[3 * j + 1] = (K1 + 1) * t / (t + K1)
        list[3 * j + 2] = fieldScratch[d]  /* the field code: its weight depends on the query word */
      }
      merged.set(s, list)
      return list
    }

    /* Merge the postings of every stem ahead of the queries, for at most `budget` ms at a time: the
       worker calls this while the reader types, so a query rarely merges anything itself.
       True when everything is merged. */
    var warmed = 0
    function warm(budget) {
      var until = Date.now() + budget
      while (warmed < vocabulary.length) {
        postings(vocabulary[warmed++])
        if (Date.now() >= until)
          break
      }
      return warmed >= vocabulary.length
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

    function add(found, s, trust) {
      if ((found.get(s) || 0) < trust)
        found.set(s, trust)
    }

    /* The indexed stems a query word stands for, each with how much we trust the match. */
    function matches(word, typing) {
      var term = stem(word)
      var found = new Map()
      if (wordsOfStem.has(term))
        found.set(term, TRUST.exact)
      if (wordId.has(word))
        found.set(AS_TYPED + word, TRUST.form_as_typed)
      otherForms(word).concat(nounForms(word)).forEach(function (form) {
        var s = stem(form)
        if (s !== term && wordsOfStem.has(s))
          add(found, s, TRUST.form)
      })
      if (term.length >= 3) {
        /* «претенз» → «претензи…»: the last word while it is typed, or an ending the stemmer kept */
        /* a complete word needs only its close relatives; a word still being typed, any ending */
        var longest = typing && !found.size ? Infinity : term.length + 2
        var count = 0
        for (var i = lowerBound(term); i < vocabulary.length && vocabulary[i].startsWith(term) && count < MAX_PREFIX_MATCHES; i++) {
          if (vocabulary[i].length <= longest) {
            add(found, vocabulary[i], typing ? TRUST.typing : TRUST.longer)
            count++
          }
        }
      }
      if (term.length >= 5) {
        /* a longer derived form: «претензионн» → «претенз» (a stem at least 5 letters long) */
        for (var cut = term.length - 1; cut >= Math.max(5, term.length - 3); cut--)
          if (wordsOfStem.has(term.slice(0, cut)))
            add(found, term.slice(0, cut), TRUST.shorter)
        /* a sibling form cut differently: «потерян» ~ «потеря»: a long shared prefix and few edits */
        var limit = editLimit(term.length)
        var stemPart = term.slice(0, Math.max(5, term.length - limit))
        for (var s = lowerBound(stemPart); s < vocabulary.length && vocabulary[s].startsWith(stemPart); s++)
          if (!found.has(vocabulary[s]) && distance(term, vocabulary[s], limit) <= limit)
            add(found, vocabulary[s], TRUST.near)
      }
      if (term.length >= PREFIXED_ROOT)
        prefixedRelatives(term, found)
      if (!found.size && term.length >= 4) {
        /* a typo: same first letter, one edit, two for long words */
        var typoLimit = Math.max(1, editLimit(term.length))
        for (var v = 0; v < vocabulary.length; v++) {
          var candidate = vocabulary[v]
          if (candidate.charCodeAt(0) !== term.charCodeAt(0))
            continue
          var edits = distance(term, candidate, typoLimit)
          if (edits <= typoLimit)
            add(found, candidate, edits === 1 ? TRUST.typo1 : TRUST.typo2)
        }
      }
      return found
    }

    /* The same verb with or without a prefix: stems that are the term under a prefix, and, when the
       term starts with a prefix, stems of what follows it. A stem may keep up to three more or fewer
       letters of its suffix («проигнорирова» ~ «игнорир»). */
    function prefixedRelatives(term, found) {
      var relatives = function (root) {
        for (var i = lowerBound(root); i < vocabulary.length && vocabulary[i].startsWith(root); i++)
          if (vocabulary[i].length <= root.length + 3)
            add(found, vocabulary[i], TRUST.prefixed)
      }
      VERB_PREFIXES.forEach(function (prefix) {
        relatives(prefix + term)
        if (term.startsWith(prefix) && term.length - prefix.length >= PREFIXED_ROOT) {
          var root = term.slice(prefix.length)
          relatives(root)
          for (var cut = root.length - 1; cut >= Math.max(PREFIXED_ROOT, root.length - 3); cut--)
            if (wordsOfStem.has(root.slice(0, cut)))
              add(found, root.slice(0, cut), TRUST.prefixed)
        }
      })
    }

    function quality(found) {
      var best = 0
      found.forEach(function (trust) { if (trust > best) best = trust })
      return Math.min(best, TRUST.exact)
    }

    /* The words of one whitespace-separated chunk of the query, in the reading that matches best:
       as typed, from the wrong keyboard layout, or transliterated from Latin. */
    function readChunk(chunk, typing) {
      var typed = words(chunk)
      if (typed.length && !keep(typed).length && !/[a-z]/.test(typed.join("")))
        return null  /* stop words only («не», «что»): not Latin typed in the Russian layout */
      var readings = [{ words: keep(typed), trust: 1 }]
      if (/[a-z`[\];',./~{}:"<>]/i.test(chunk)) {
        readings.push({ words: keep(words(fromLatinLayout(chunk))), trust: TRUST.converted })
        if (/[a-z]/i.test(chunk))
          readings.push({ words: keep(words(transliterate(chunk))), trust: TRUST.converted })
      } else if (/[а-яё]/i.test(chunk)) {
        readings.push({ words: keep(words(fromRussianLayout(chunk))), trust: TRUST.converted })
      }
      var best = null
      readings.forEach(function (reading) {
        var score = 0
        reading.found = reading.words.map(function (word, i) {
          var found = matches(word, typing && i === reading.words.length - 1)
          score += quality(found) * reading.trust
          return found
        })
        reading.score = score
        if (reading.words.length && (best === null || reading.score > best.score))
          best = reading
      })
      if (best === null)
        return null
      /* «ozon» is the Latin «озон»: readings that match about as well add their matches */
      var found = best.found.map(function (matched) {
        var out = new Map()
        matched.forEach(function (trust, s) { out.set(s, trust * best.trust) })
        return out
      })
      readings.forEach(function (reading) {
        if (reading === best || reading.words.length !== best.words.length || reading.score < 0.9 * best.score)
          return
        reading.found.forEach(function (matched, i) {
          matched.forEach(function (trust, s) { add(found[i], s, trust * reading.trust) })
        })
      })
      return { words: best.words, found: found }
    }

    /* Query words without stop words, misspellings put right. */
    function keep(list) {
      var out = []
      list.forEach(function (word) {
        word = misspellings.get(word) || word
        if (!stopWords.has(word))
          out.push(word)
      })
      return out
    }

    /* Synonym groups as lists of words per phrase, stop words left out; `stems` to find a phrase
       in the query. */
    function prepareSynonyms(groups) {
      return groups.map(function (group) {
        return group.map(function (phrase) {
          var kept = keep(words(phrase))
          return { words: kept, stems: kept.map(stem) }
        }).filter(function (phrase) { return phrase.words.length })
      })
    }

    /* The indexed stems a synonym's word stands for, as a query word would reach them (the editors
       write «сфотографировать»; the guides say «сфотографируйте»). Cached: groups are fixed. */
    var synonymMatches = new Map()
    function matchesOfSynonym(word) {
      var found = synonymMatches.get(word)
      if (found === undefined) {
        found = new Map()
        matches(word, false).forEach(function (trust, s) {
          if (s[0] !== AS_TYPED)
            found.set(s, Math.min(trust, TRUST.exact) * TRUST.synonym)
        })
        synonymMatches.set(word, found)
      }
      return found
    }

    /* Where a phrase of a synonym group stands in the query, the other phrases of the group match
       that query word too: a one-word phrase as one more stem («пвз» ~ «постамат»), a longer one
       only where a section has all its words («пвз» ~ «пункт выдачи»). */
    function applySynonyms(slots) {
      var stems = slots.map(function (slot) { return slot.stem })
      synonyms.forEach(function (group) {
        group.forEach(function (phrase) {
          for (var start = 0; start + phrase.stems.length <= stems.length; start++) {
            var same = true
            for (var j = 0; j < phrase.stems.length && same; j++)
              same = stems[start + j] === phrase.stems[j]
            if (!same)
              continue
            group.forEach(function (other) {
              if (other === phrase)
                return
              var found = other.words.map(matchesOfSynonym)
              if (found.some(function (each) { return !each.size }))
                return
              if (found.length === 1)
                found[0].forEach(function (trust, s) { add(slots[start].found, s, trust) })
              else
                slots[start].phrases.push(found)
            })
          }
        })
      })
    }

    /* A synonym phrase's score in each section that has all its words: the mean of its words'
       scores (each word: its best matched stem, weighed by the match's trust and its rarity). */
    function phraseScores(phrase) {
      var total = new Map(), count = new Map()
      phrase.forEach(function (found) {
        var best = new Map()
        found.forEach(function (trust, s) {
          var list = postings(s)
          var anywhere = 0, inFields = 0, inPageFields = 0
          stamp += 1
          for (var k = 0; k < list.length; k += 3) {
            var p = docPage[list[k]]
            if (seenAnywhere[p] !== stamp) { seenAnywhere[p] = stamp; anywhere++ }
            if (list[k + 2] > 0 && seenInFields[p] !== stamp) { seenInFields[p] = stamp; inFields++ }
            if (list[k + 2] > HEADING && seenInPageFields[p] !== stamp) { seenInPageFields[p] = stamp; inPageFields++ }
          }
          var textRarity = idf(anywhere), headingRarity = idf(inFields), pageRarity = idf(inPageFields)
          for (var i = 0; i < list.length; i += 3) {
            var d = list[i], code = list[i + 2]
            var rarity = code > HEADING ? pageRarity : headingRarity
            var score = trust * (textRarity * list[i + 1] + rarity * fieldWeight(d, code))
            if (!(best.get(d) >= score))
              best.set(d, score)
          }
        })
        best.forEach(function (score, d) {
          total.set(d, (total.get(d) || 0) + score)
          count.set(d, (count.get(d) || 0) + 1)
        })
      })
      var out = new Map()
      total.forEach(function (score, d) {
        if (count.get(d) === phrase.length)
          out.set(d, score / phrase.length)
      })
      return out
    }

    /* The weight of the strongest field a word is in, in one doc (FIELD_CODE of the hook). */
    function fieldWeight(d, code) {
      return code === TITLE ? titleWeight[d] : FIELD_WEIGHT[code]
    }

    function idf(df) {
      var n = pages.length
      return Math.log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /* The query's words, each with the indexed stems it matches. */
    function parse(query) {
      var text = String(query).slice(0, MAX_QUERY_CHARS)
      var chunks = text.split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS)
      var typing = !/\s$/.test(text)
      var slots = []
      chunks.forEach(function (chunk, c) {
        var reading = readChunk(chunk, typing && c === chunks.length - 1)
        if (reading)
          reading.words.forEach(function (word, i) {
            slots.push({ word: word, stem: stem(word), found: reading.found[i], phrases: [] })
          })
      })
      applySynonyms(slots)
      return slots
    }

    /* Per-query scratch space, reused: a query touches thousands of sections with many guides. */
    var touched = new Int32Array(docs.length), isTouched = new Uint32Array(docs.length), touchStamp = 0

    function search(query) {
      var terms = parse(query)
      if (!terms.length)
        return { items: [] }
      var T = terms.length

      /* best score of each query word in each doc: flat, doc × query word */
      var scores = new Float64Array(docs.length * T)
      var count = 0
      touchStamp += 1
      terms.forEach(function (term, t) {
        /* One rarity for the whole query word over every stem it matched: among all pages for its
           text score («деньги» is on every page but in few titles); among pages that have it in a
           heading, title or asked phrase for a heading; and among pages whose title or asked phrases
           have it for those: a word many guides use as a step («Жалоба в Роспотребнадзор») is still
           rare as what a page is about. */
        var anywhere = 0, inFields = 0, inPageFields = 0
        stamp += 1
        term.found.forEach(function (_, s) {
          var list = postings(s)
          for (var k = 0; k < list.length; k += 3) {
            var p = docPage[list[k]]
            if (seenAnywhere[p] !== stamp) { seenAnywhere[p] = stamp; anywhere++ }
            if (list[k + 2] > 0 && seenInFields[p] !== stamp) { seenInFields[p] = stamp; inFields++ }
            if (list[k + 2] > HEADING && seenInPageFields[p] !== stamp) { seenInPageFields[p] = stamp; inPageFields++ }
          }
        })
        var textRarity = idf(anywhere), headingRarity = idf(inFields), pageRarity = idf(inPageFields)
        var fieldWeights = FIELD_WEIGHT.map(function (weight, code) {
          return weight * (code > HEADING ? pageRarity : headingRarity)
        })
        var take = function (d, score) {
          if (isTouched[d] !== touchStamp) { isTouched[d] = touchStamp; touched[count++] = d }
          if (score > scores[d * T + t])
            scores[d * T + t] = score
        }
        term.found.forEach(function (trust, s) {
          var list = postings(s)
          var textWeight = trust * textRarity
          for (var k = 0; k < list.length; k += 3) {
            var code = list[k + 2]
            var field = code === TITLE ? pageRarity * titleWeight[list[k]] : fieldWeights[code]
            take(list[k], textWeight * list[k + 1] + trust * field)
          }
        })
        term.phrases.forEach(function (phrase) {
          phraseScores(phrase).forEach(function (score, d) { take(d, score) })
        })
      })

      /* A page takes, for each query word, its best doc; words found together in one doc (a section,
         or the title with the asked phrases) add `together` times that doc's sum; a page that comes
         back to a word in other sections adds `depth` times that (at most the best once more);
         coverage multiplies. */
      var pageAt = new Map(), perPage = []   /* page -> row in perPage: best[T], total[T], together */
      for (var i = 0; i < count; i++) {
        var d = touched[i], p = docPage[d]
        var row = pageAt.get(p)
        if (row === undefined) {
          row = perPage.length
          pageAt.set(p, row)
          perPage.push({ page: p, best: new Float64Array(T), total: new Float64Array(T), together: 0 })
        }
        var entry = perPage[row], matched = 0, docSum = 0
        for (var t = 0; t < T; t++) {
          var value = scores[d * T + t]
          entry.total[t] += value
          if (value > entry.best[t])
            entry.best[t] = value
          if (value > 0) matched++
          docSum += value
        }
        if (matched > 1 && docSum > entry.together)
          entry.together = docSum
      }
      var ranked = perPage.map(function (entry) {
        var covered = 0, depth = 0
        for (var t = 0; t < T; t++) {
          if (entry.best[t] > 0) covered++
          depth += Math.min(entry.total[t] - entry.best[t], entry.best[t])
        }
        var score = (sum(entry.best) + W.together * entry.together + W.depth * depth) * Math.pow(covered / T, W.coverage)
        return { page: entry.page, score: score * pages[entry.page].boost, best: entry.best }
      })
      ranked.sort(function (a, b) { return b.score - a.score })
      if (!ranked.length)
        return { items: [] }
      var top = ranked[0].score
      ranked = ranked.filter(function (r) { return r.score >= top * MIN_RELATIVE_SCORE }).slice(0, MAX_PAGES)
      var docScore = function (d) {
        var total = 0
        for (var t = 0; t < T; t++) total += scores[d * T + t]
        return total
      }
      var marks = matchedStems(terms, ranked)
      return {
        items: ranked.map(function (r) { return group(r, terms, docScore, marks) })
      }
    }

    /* For the sections shown, which indexed stems they contain (to highlight those words). */
    function matchedStems(terms, ranked) {
      var shown = new Map()
      ranked.forEach(function (r) {
        shown.set(pages[r.page].article, new Set())
        pages[r.page].sections.forEach(function (d) { shown.set(d, new Set()) })
      })
      var mark = function (s, key) {
        var list = postings(key)
        for (var k = 0; k < list.length; k += 3) {
          var set = shown.get(list[k])
          if (set !== undefined) set.add(s)
        }
      }
      terms.forEach(function (term) {
        term.found.forEach(function (_, s) { if (s[0] !== AS_TYPED) mark(s, s) })
        term.phrases.forEach(function (phrase) {
          phrase.forEach(function (found) { found.forEach(function (_, s) { mark(s, s) }) })
        })
      })
      return shown
    }

    /* One result group as Material renders it: the best section first, then the article, then more. */
    function group(result, terms, docScore, marks) {
      var page = pages[result.page]
      var sections = page.sections
        .filter(function (d) { return docScore(d) > 0 })
        .sort(function (a, b) { return docScore(b) - docScore(a) })
        .slice(0, MAX_SECTIONS)
      var matchedTerms = {}   /* filled below, once the shown words are known */
      var forms = new Set()   /* words as written in the shown titles and snippets that matched */
      var item = function (d, score) {
        var doc = docs[d]
        var marked = marks.get(d) || new Set()
        return {
          location: doc.location,
          title: highlight(escapeHtml(doc.title), marked, forms),
          text: snippet(doc.text || "", marked, forms),
          score: score,
          terms: matchedTerms
        }
      }
      var out = []
      var first = sections.length ? docScore(sections[0]) + 1e-9 : 1
      sections.forEach(function (d, i) {
        out.push(item(d, i === 0 ? result.score : result.score * docScore(d) / first * 0.999))
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

    /* The stem of a word as written on the page (any case, ё): highlighting looks up every shown word. */
    var rawCache = new Map()
    function stemOfRaw(word) {
      var cached = rawCache.get(word)
      if (cached === undefined) {
        cached = stem(fold(word))
        rawCache.set(word, cached)
      }
      return cached
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
        var pattern = new RegExp(WORD_CASED.source, "g"), match
        while ((match = pattern.exec(plain)) !== null)
          if (marked.has(stemOfRaw(match[0]))) {
            start = Math.max(0, match.index - 60)
            break
          }
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

    /* Nothing found: the triage page and the most common situations, as fixed markup around the
       pages' own escaped titles; the query itself is never put into it. */
    function noResults() {
      var fallback = index.fallback
      if (!fallback || !fallback.triage)
        return { items: [] }
      var triage = [{
        location: fallback.triage.location,
        title: escapeHtml(fallback.triage.title),
        text: "<p>" + escapeHtml(fallback.text || "") + "</p>",
        score: 1,
        terms: {}
      }]
      return {
        items: [triage].concat((fallback.common || []).map(function (page) {
          return [{ location: page.location, title: escapeHtml(page.title), text: "", score: 0.5, terms: {} }]
        }))
      }
    }

    return {
      search: search,
      /* what the reader sees: results, or the triage page and common situations */
      answer: function (query) {
        if (!parse(query).length)
          return { items: [] }  /* nothing typed yet, or only stop words */
        var result = search(query)
        return result.items.length ? result : noResults()
      },
      parse: parse,
      warm: warm,
      /* the sections' texts, when the index came without them (ozon/search_ru split_texts) */
      textsUrl: index.texts || null,
      addTexts: function (texts) {
        if (!Array.isArray(texts) || texts.length !== docs.length)
          throw new Error("search-ru: the texts do not match the index (an old copy in the cache?)")
        texts.forEach(function (text, d) { docs[d].text = String(text) })
      },
      vocabularySize: vocabulary.length
    }
  }

  /* Space-separated base-36 numbers, read without splitting the string (a common word's postings
     run to tens of thousands of numbers with a thousand guides). */
  function decode(text) {
    var out = [], value = 0
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i)
      if (c === 32) { out.push(value); value = 0 }
      else value = value * 36 + (c <= 57 ? c - 48 : c - 87)
    }
    out.push(value)
    return out
  }

  function sum(scores) {
    var total = 0
    if (scores)
      for (var i = 0; i < scores.length; i++) total += scores[i]
    return total
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
  }

  return {
    fold: fold,
    words: words,
    fromLatinLayout: fromLatinLayout,
    fromRussianLayout: fromRussianLayout,
    transliterate: transliterate,
    otherForms: otherForms,
    nounForms: nounForms,
    distance: distance,
    decode: decode,
    editLimit: editLimit,
    escapeHtml: escapeHtml,
    lunrStandIn: lunrStandIn,
    stemmerFrom: stemmerFrom,
    createEngine: createEngine,
    WEIGHTS: WEIGHTS
  }
})
