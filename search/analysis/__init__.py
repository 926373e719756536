"""Text analysis on Elasticsearch: one analyser per language, applied through per-language sub-fields.

The decision (README, "Search"): one index for the portal's search entries, in which every text field
(`title`, `summary`, `body`, `keywords`) carries a sub-field per language – `title.de` analysed in German,
`title.ar` in Arabic, and so on – and a search in language X queries the X sub-fields plus the German ones
(German originals stand in where a translation is missing). modelsearch gives every root model one index
and cannot split a model's documents by language, so an index per language would mean replacing its index
management; sub-fields need nothing but the mapping (`es_extra` on the search fields) and the analysis
settings below. The price is that each text is analysed once per language, which at the portal's size
(tens of thousands of entries) is a few megabytes.

Every component here has Elasticsearch's own name and parameters. The test node's plugin
(services/elasticsearch-analysis) provides those that the integ-test distribution lacks; a production
cluster has all of them natively.
"""

from functools import cache
from pathlib import Path

from django.conf import settings

WORD_LIST = Path(__file__).with_name("german_compound_words.txt")

# Language code -> analyser for text in that language. Languages without a stemmer in Lucene's common
# analysis module (Ukrainian, Polish) get lower-casing and folding, plus the n-gram sub-field in queries.
LANGUAGE_ANALYZERS = {
    "de": "portal_german",
    "en": "portal_english",
    "tr": "portal_turkish",
    "ar": "portal_arabic",
    "uk": "portal_folded",
    "pl": "portal_folded",
}
# Languages whose queries also use the n-gram sub-field (inflected forms without a stemmer).
NGRAM_LANGUAGES = {"uk", "pl"}
# German analysis without splitting compounds: for queries that mean a compound as typed (listings).
WHOLE_WORDS_ANALYZER = "portal_german_whole_words"


@cache
def german_compound_words():
    """The word parts the German analyser splits compounds into (our own list, see the file's header)."""
    words = []
    for line in WORD_LIST.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.append(word)
    return tuple(words)


def analyzer_for(language):
    return LANGUAGE_ANALYZERS.get(language, "portal_folded")


def content_languages():
    return [code for code, _name in settings.LANGUAGES]


def text_subfields(ngram=False, autocomplete=False):
    """The `fields` of a text field's mapping: one sub-field per configured language, and helpers.

    The field itself is analysed by `portal_folded` (lower case, umlauts and accents folded, Arabic
    letter forms normalised): the form that typo-tolerant (fuzzy) queries use.
    """
    fields = {code: {"type": "text", "analyzer": analyzer_for(code)} for code in content_languages()}
    if ngram:
        fields["ngram"] = {"type": "text", "analyzer": "portal_ngram", "search_analyzer": "portal_ngram"}
    if autocomplete:
        fields["autocomplete"] = {
            "type": "text",
            "analyzer": "portal_autocomplete",
            "search_analyzer": "portal_folded",
        }
    return {"analyzer": "portal_folded", "fields": fields}


def index_settings():
    """Analysis settings merged into modelsearch's index settings by `search.backends.elasticsearch8`."""
    folding = ["lowercase", "german_normalization", "arabic_normalization", "asciifolding"]
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "portal_german_stop": {"type": "stop", "stopwords": "_german_"},
                    "portal_german_decompounder": {
                        "type": "dictionary_decompounder",
                        "word_list": list(german_compound_words()),
                        "min_subword_size": 4,
                        "only_longest_match": True,
                    },
                    "portal_german_stemmer": {"type": "stemmer", "language": "light_german"},
                    "portal_english_possessive": {"type": "stemmer", "language": "possessive_english"},
                    "portal_english_stop": {"type": "stop", "stopwords": "_english_"},
                    "portal_english_stemmer": {"type": "stemmer", "language": "english"},
                    "portal_turkish_lowercase": {"type": "lowercase", "language": "turkish"},
                    "portal_turkish_stop": {"type": "stop", "stopwords": "_turkish_"},
                    "portal_turkish_stemmer": {"type": "stemmer", "language": "turkish"},
                    "portal_arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
                    "portal_arabic_stemmer": {"type": "stemmer", "language": "arabic"},
                    "portal_keep_unfolded": {"type": "asciifolding", "preserve_original": True},
                    "portal_same_position_unique": {"type": "unique", "only_on_same_position": True},
                    "portal_edge_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
                },
                "tokenizer": {
                    # Grams of letters and digits, each at its own position, so a query can ask for
                    # most of them ("minimum_should_match") rather than any one.
                    "portal_ngram": {
                        "type": "ngram",
                        "min_gram": 3,
                        "max_gram": 3,
                        "token_chars": ["letter", "digit"],
                    },
                },
                "analyzer": {
                    "portal_german": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "portal_german_stop",
                            "portal_german_decompounder",
                            "german_normalization",
                            "portal_german_stemmer",
                            "portal_same_position_unique",
                        ],
                    },
                    WHOLE_WORDS_ANALYZER: {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "portal_german_stop",
                            "german_normalization",
                            "portal_german_stemmer",
                        ],
                    },
                    "portal_english": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "portal_english_possessive",
                            "lowercase",
                            "portal_english_stop",
                            "portal_english_stemmer",
                            "asciifolding",
                        ],
                    },
                    "portal_turkish": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "apostrophe",
                            "portal_turkish_lowercase",
                            "portal_turkish_stop",
                            "portal_turkish_stemmer",
                            # Visitors often type Turkish without its letters ("cevre" for "çevre").
                            "portal_keep_unfolded",
                            "portal_same_position_unique",
                        ],
                    },
                    "portal_arabic": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "decimal_digit",
                            "portal_arabic_stop",
                            "arabic_normalization",
                            "portal_arabic_stemmer",
                        ],
                    },
                    "portal_folded": {"type": "custom", "tokenizer": "standard", "filter": folding},
                    "portal_ngram": {"type": "custom", "tokenizer": "portal_ngram", "filter": folding},
                    "portal_autocomplete": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [*folding, "portal_edge_ngram"],
                    },
                },
            },
            "index": {"max_ngram_diff": 19},
        }
    }
