"""What the database backend cannot do by itself: forgive typos, find word forms, suggest a spelling.

PostgreSQL's and SQLite's full-text search match whole words (PostgreSQL stems German, SQLite FTS5 only
folds accents) and words beginning as typed. This module gives the database engine (`search.engine`) what
Elasticsearch's analysers and fuzziness give it there:

- `vocabulary(language)`: the words visitors of `language` can find – those of the search entries'
  titles, keywords and summaries in that language (German originals standing in included), each with how
  often it occurs; computed from the entries, the same rows both engines index, and cached for
  `VOCABULARY_SECONDS` per language (Django's cache). Computing it reads the three columns of one
  language's entries once: at the demo's size a few milliseconds, at the search mix's 12,000 entries per
  language about half a second, once per lifetime of the cache.
- `correct(query, language)`: the query with each word that is not in the vocabulary replaced by the most
  frequent vocabulary word within a small edit distance (transpositions count once; accents and "ae/oe/ue"
  are folded first, so "cevre" becomes "çevre" and "Raeume" "räume"). `None` when nothing changes. The
  engines use it for the second pass when the first finds little, and for "Did you mean …?".
- `prefixes(words, language)`: each word cut to its stem (Snowball, `snowballstemmer`, for the languages
  it has), for finding words beginning as typed: "Lastenräder" → "lastenrad", "Mikrofone" → "mikrofon".
  A stem that is not the beginning of the word as typed (Snowball drops umlauts) is cut from the typed
  word at the same length, so PostgreSQL's accent-sensitive prefix search finds it too.

Nothing here touches the index: all three work on the query, so nothing needs rebuilding.

**Cheap and bounded.** The engines try the forgiving pass for every query that finds (almost) nothing –
which includes everything a bot sends. So:

- `worth_correcting(query)` says whether the text can be a visitor's mistyped words at all: not longer
  than `MAX_QUERY_CHARS`, at most `MAX_TOKENS` words, some letters, no query syntax or markup
  (`SYNTAX`) and not mostly punctuation. Everything else skips the pass (no correction, no compounds,
  no words joined): no vocabulary is read, no query is run. Words longer than `MAX_WORD` are left as
  typed.
- The vocabulary is kept twice: in Django's cache (shared, `VOCABULARY_SECONDS`), under a version that is
  new each time it is computed, and in each process prepared for look-ups (`Vocabulary`) for as long as
  the cache holds that version: a search reads one small key, not the whole vocabulary.
- Looking a word up reads only the candidates that can be close: words of a length within the allowed
  edits that share the first or the second letter (buckets built once per version); the beginnings of
  words (compounds) are found by bisection in the sorted vocabulary, not by reading all of it.
"""

import bisect
import functools
import re
import unicodedata
import uuid
from collections import Counter, defaultdict

import snowballstemmer
from django.core.cache import cache

from .models import SearchEntry

VOCABULARY_SECONDS = 300
CACHE_KEY = "search:vocabulary:{language}"
VERSION_KEY = "search:vocabulary-version:{language}"
MIN_WORD = 4  # shorter words are left as typed: too many neighbours
MAX_WORD = 40  # longer "words" are not a typo of a word (the longest in the demo has 27 letters)
MAX_CANDIDATES = 20_000
# What can be a visitor's mistyped words (`worth_correcting`).
MAX_QUERY_CHARS = 80
MAX_TOKENS = 6
SYNTAX = frozenset("<>{}[]^~*=|\\`$;@#%+")  # query syntax, markup, code: nobody mistypes a word into these
STEMMERS = {
    "de": "german",
    "en": "english",
    "tr": "turkish",
    "ar": "arabic",
    "pl": "polish",
}
MIN_STEM = 4


def fold(word):
    """Lower case, accents removed, German "ae/oe/ue" read as "ä/ö/ü" would be (both become "a/o/u")."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.replace("ae", "a").replace("oe", "o").replace("ue", "u").replace("ß", "ss").replace("ı", "i")


def tokens(text):
    return re.findall(r"\w+", text or "")


def worth_correcting(query):
    """Whether `query` can be a visitor's mistyped words: short, a few words, letters, no syntax."""
    text = query or ""
    if len(text) > MAX_QUERY_CHARS:
        return False
    found = tokens(text)
    if not found or len(found) > MAX_TOKENS or not any(char.isalpha() for char in text):
        return False
    if any(char in SYNTAX for char in text):
        return False
    other = sum(1 for char in text if not (char.isalnum() or char.isspace() or char == "_"))
    return other * 3 <= len(text)


class Vocabulary:
    """The vocabulary of one language prepared for look-ups (built once per version and process).

    `words`: {folded word: (the word as most often written, how often)}, most frequent first.
    """

    def __init__(self, words):
        self.words = words
        self.sorted = sorted(words)
        self.order = {word: index for index, word in enumerate(words)}
        # (position of the letter, the letter, the word's length) -> words: `closest` reads only the
        # words whose first or second letter agrees and whose length is within the allowed edits.
        self.buckets = defaultdict(list)
        for word in words:
            for position in (0, 1):
                if len(word) > position:
                    self.buckets[(position, word[position], len(word))].append(word)

    def __contains__(self, folded):
        return folded in self.words

    def __bool__(self):
        return bool(self.words)

    def candidates(self, folded, limit):
        """The words that may be within `limit` edits of `folded` and share its first or second letter."""
        for length in range(max(1, len(folded) - limit), len(folded) + limit + 1):
            yield from self.buckets.get((0, folded[:1], length), ())
            if len(folded) > 1:
                for word in self.buckets.get((1, folded[1], length), ()):
                    if word[:1] != folded[:1]:  # those were read above
                        yield word

    def beginning(self, part):
        """The most frequent word beginning with `part` (folded), or None."""
        start = bisect.bisect_left(self.sorted, part)
        best = None
        for word in self.sorted[start:]:
            if not word.startswith(part):
                break
            if best is None or self.order[word] < self.order[best]:
                best = word
        return best

    def has_beginning(self, part):
        start = bisect.bisect_left(self.sorted, part)
        return start < len(self.sorted) and self.sorted[start].startswith(part)


_prepared = {}  # language -> (version, Vocabulary): this process's copy of the cached vocabulary


def prepared(language):
    """The `Vocabulary` of `language`: this process's copy while the cache holds its version; else
    the cached words (or computed ones), prepared again."""
    version = cache.get(VERSION_KEY.format(language=language))
    mine = _prepared.get(language)
    if version is not None and mine is not None and mine[0] == version:
        return mine[1]
    found = cache.get(CACHE_KEY.format(language=language)) if version is not None else None
    if found is None:
        found = _compute_vocabulary(language)
        version = uuid.uuid4().hex
        cache.set_many(
            {CACHE_KEY.format(language=language): found, VERSION_KEY.format(language=language): version},
            VOCABULARY_SECONDS,
        )
    words = Vocabulary(found)
    _prepared[language] = (version, words)
    return words


def vocabulary(language):
    """{folded word: (the word as most often written, lower case; how often)} for `language` (cached)."""
    return prepared(language).words


def forget_vocabulary(languages):
    keys = [key.format(language=language) for language in languages for key in (CACHE_KEY, VERSION_KEY)]
    cache.delete_many(keys)


def _compute_vocabulary(language):
    counts = Counter()
    rows = SearchEntry.objects.filter(language=language).values_list("title", "keywords", "summary")
    for row in rows.iterator(chunk_size=2000):
        for text in row:
            for word in tokens(text):
                if len(word) >= 3 and not word.isdigit():
                    counts[word.casefold()] += 1
    best = {}
    for word, count in counts.most_common(MAX_CANDIDATES):
        folded = fold(word)
        known = best.get(folded)
        best[folded] = (known[0], known[1] + count) if known else (word, count)
    return best


def distance(a, b, limit):
    """Edit distance of `a` and `b` (a transposition of neighbours counts once), or `limit + 1` when more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(word):
    return 1 if len(word) < 5 else 2


def closest(word, words):
    """The most frequent vocabulary word closest to `word` (folded), or None. `words`: a `Vocabulary`."""
    folded = fold(word)
    if folded in words:
        return words.words[folded][0]
    limit = allowed_edits(folded)
    best = None
    for candidate in words.candidates(folded, limit):
        found = distance(folded, candidate, limit)
        if found <= limit:
            written, count = words.words[candidate]
            rank = (found, -count, written)
            if best is None or rank < best[0]:
                best = (rank, written)
    return best[1] if best else None


def _typed_words(query):
    """The words of `query` a look-up may change: at most MAX_TOKENS."""
    return tokens(query)[:MAX_TOKENS]


def correct(query, language):
    """The query with its unknown words spelled as the vocabulary spells them, or None when it already is
    (or when it cannot be a visitor's mistyped words: `worth_correcting`)."""
    if not worth_correcting(query):
        return None
    words = prepared(language)
    if not words:
        return None
    changed = False
    corrected = []
    for word in _typed_words(query):
        replacement = word
        if MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit():
            found = closest(word, words)
            if found and found != word.casefold():
                replacement, changed = found, True
        corrected.append(replacement)
    return " ".join(corrected) if changed else None


@functools.cache
def _stemmer(language):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


def stem(word, language):
    """The word in lower case cut to its Snowball stem (folded, for a language without a stemmer). Not
    folded first: "Raeume" is not read as "Räume" here (the spelling pass does that), so it does not stand
    for the synonyms of "Raum" before the spelling pass has found the category "Räume"."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return fold(word)
    lowered = word.casefold()
    found = stemmer.stemWord(lowered)
    # Snowball reads German "ae" as "ä": only a stem the word begins with counts.
    return found if lowered.startswith(found) else lowered


ARTICLE = "ال"  # Arabic's definite article, written as the beginning of the word
MIN_ARABIC = 3


def article_variants(terms, language):
    """Arabic: the words with and without their article, as other spellings of the query – the index
    keeps "المنشورات" as one word, which "منشورات" does not find (Elasticsearch's Arabic analysis removes
    the article; the database's does not). Nothing for other languages."""
    if language != "ar":
        return []
    with_article = [
        f"{ARTICLE}{term}"
        if len(term) >= MIN_ARABIC and _arabic(term) and not term.startswith(ARTICLE)
        else term
        for term in terms
    ]
    without = [
        term[len(ARTICLE) :] if term.startswith(ARTICLE) and len(term) - len(ARTICLE) >= MIN_ARABIC else term
        for term in terms
    ]
    return [one for one in (with_article, without) if one != list(terms)]


def _arabic(word):
    return all("\u0600" <= char <= "\u06ff" for char in word)


def prefix_of(word, language):
    """The beginning of `word` that its other forms share (its stem), as typed; the word when none."""
    stemmer = _stemmer(language)
    lowered = word.casefold()
    if stemmer is None or len(lowered) <= MIN_STEM:
        return lowered
    stem = stemmer.stemWord(lowered)
    if len(stem) < MIN_STEM or len(stem) >= len(lowered):
        return lowered
    if lowered.startswith(stem):
        return stem
    # Snowball's German stems drop umlauts ("gründen" → "grund"): cut the typed word at the stem's length
    # when the two agree but for accents.
    plain = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    if len(plain) == len(lowered) and plain.startswith(stem):
        return lowered[: len(stem)]
    return lowered


def prefixes(words, language):
    return [prefix_of(word, language) for word in words]


LINKING = ("s", "es", "n", "en", "e")  # German linking letters between the parts of a compound
MIN_PART = 4


def split_compounds(query, language):
    """The query with each unknown word split into two known words, or None: "Referentenhonorar" →
    "referenten honorar" (a part may be known as the beginning of a word, "honorar" of "honorare")."""
    if not worth_correcting(query):
        return None
    words = prepared(language)
    if not words:
        return None
    changed = False
    result = []
    for word in _typed_words(query):
        folded = fold(word)
        unknown = folded not in words and 2 * MIN_PART <= len(folded) <= MAX_WORD
        parts = _split(folded, words) if unknown else None
        if parts:
            result.extend(_written(part, words) for part in parts)
            changed = True
        else:
            result.append(word)
    return " ".join(result) if changed else None


def split_variants(terms, language):
    """The query's words with its unknown compounds split into known words, as another spelling of the
    query (`split_compounds`), or nothing: [["Workshop", "förder", "antrag"]] for "Workshop Förderantrag"."""
    split = split_compounds(" ".join(terms), language)
    return [tokens(split)] if split else []


def _split(folded, words):
    """The two parts of `folded`, or None. Whole words are the better evidence: a cut whose parts are both
    words of the vocabulary first, then one whose second part is a word (the first its beginning), last
    two beginnings – else a beginning of one long word wins ("förderantrag" is "förder" + "antrag", not
    "förderan…" of "förderanträge" + "träg…" of "träger")."""
    cuts = []
    for cut in range(len(folded) - MIN_PART, MIN_PART - 1, -1):
        left, right = folded[:cut], folded[cut:]
        if not _known_beginning(right, words):
            continue
        for link in ("", *LINKING):
            head = left[: -len(link)] if link and left.endswith(link) else (left if not link else None)
            if head and len(head) >= MIN_PART and _known_beginning(head, words):
                cuts.append(((head not in words) + 2 * (right not in words), [head, right]))
    return min(cuts, key=lambda found: found[0])[1] if cuts else None


def _written(folded, words):
    """A folded word (or beginning of one) as the vocabulary writes it."""
    if folded in words:
        return words.words[folded][0]
    candidate = words.beginning(folded)
    if candidate is not None:
        beginning = words.words[candidate][0][: len(folded)]
        return beginning if fold(beginning) == folded else folded
    return folded


def _known_beginning(part, words):
    return part in words or words.has_beginning(part)


def join_words(query, language):
    """The query with two neighbouring words joined where the vocabulary knows the joined word, or None:
    "Ton Anlage" → "tonanlage", "Seminar Raum" → "seminarraum"."""
    typed = _typed_words(query)
    if len(typed) < 2 or not worth_correcting(query):
        return None
    words = prepared(language)
    if not words:
        return None
    result, index, changed = [], 0, False
    while index < len(typed):
        if index + 1 < len(typed):
            joined = fold(typed[index] + typed[index + 1])
            if joined in words:
                result.append(words.words[joined][0])
                index += 2
                changed = True
                continue
        result.append(typed[index])
        index += 1
    return " ".join(result) if changed else None


def compound_variants(terms, language):
    """The query with two neighbouring words written as the compound the vocabulary knows, its second word
    in any form: "Verein gründen" → "vereinsgründung" (German: "verein" + "s" + "gründ…"). At most one
    variant; none for what cannot be a visitor's words."""
    if not 2 <= len(terms) <= MAX_TOKENS or not worth_correcting(" ".join(terms)):
        return []
    words = prepared(language)
    if not words:
        return []
    for index in range(len(terms) - 1):
        head, tail = fold(terms[index]), fold(prefix_of(terms[index + 1], language))
        if len(head) < MIN_PART or len(tail) < MIN_STEM:
            continue
        for link in ("", *LINKING):
            found = words.beginning(head + link + tail)
            if found is not None:
                joined = words.words[found][0]
                return [[*terms[:index], joined, *terms[index + 2 :]]]
    return []


# Words that carry no meaning of their own in a search ("Saal für 100 Personen"), per language.
STOP_WORDS = {
    "de": "der die das den dem des ein eine einen einem einer und oder für mit von zu zum zur im in am an "
    "auf aus bei nach vor über unter ich wir sie ihr mein meine unser unsere brauche brauchen suche suchen",
    "en": "the a an and or for with of to in on at by from i we my our need needs looking",
    "tr": "ve veya ile için bir bu şu de da ki",
    "ar": "في من على إلى مع و أو عن",
    "uk": "і й та або для з із на в у до від",
    "pl": "i oraz lub dla z ze na w we do od",
}


def meaningful_words(query, language):
    """The query's words without stop words (of `language` and German) and numbers."""
    stop = set(STOP_WORDS.get(language, "").split()) | set(STOP_WORDS["de"].split())
    return [word for word in tokens(query) if word.casefold() not in stop and not word.isdigit()]
