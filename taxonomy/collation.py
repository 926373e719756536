"""Alphabetical order as the visitor's language has it, for lists of names (Dortmund's districts).

Python compares strings by code point, which puts "Ö" after "Z", the Ukrainian "Є", "І", "Ї", "Ґ" after
"Я" and the Arabic hamza forms ("أ", "إ") before the plain alif. PyICU is not installed, so this module
sorts by the alphabet of each language instead (the letters' order in CLDR's collation for the language):

- German and English: accents do not count in the first place ("ä" with "a", "ß" as "ss", DIN 5007-1);
- Turkish and Polish: their own letters have their own places ("ç" after "c", "ł" after "l");
- Ukrainian: "ґ" after "г", "є" after "е", "і", "ї" after "и";
- Arabic: the hijāʼī order, the hamza seats and alif forms ("أ إ آ") as alif, "ة" as "ه", "ى" as "ي",
  vowel marks and tatweel ignored.

Names written in another script than the visitor's (a German name standing in where a district has no
Arabic or Ukrainian one) come after the names in the visitor's script, in German order among themselves.
Spaces and hyphens sort before every letter (ICU's default). Ties are broken by accents, then by the text.

    sorted(names, key=collation_key("ar"))      by_name(districts, "uk", lambda d: d.name_in("uk"))
"""

import unicodedata
from functools import lru_cache

LATIN = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS = {
    "de": LATIN,
    "en": LATIN,
    "tr": "abcçdefgğhıijklmnoöpqrsştuüvwxyz",
    "pl": "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ar": "ءابتثجحخدذرزسشصضطظعغفقكلمنهوي",
}
# Letters that sort as another letter of the alphabet (a second-level difference only).
ARABIC_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ڤ": "ف",
        "گ": "ك",
        "ک": "ك",
        "ی": "ي",
    }
)
ARABIC_IGNORED = {chr(code) for code in range(0x064B, 0x0653)} | {"\u0640", "\u0670"}  # marks, tatweel
FALLBACK = "de"


def _language(language):
    language = (language or FALLBACK).split("-")[0].lower()
    return language if language in ALPHABETS else FALLBACK


@lru_cache(maxsize=8)
def _places(language):
    return {letter: place for place, letter in enumerate(ALPHABETS[language], start=1)}


def _lower(text, language):
    if language == "tr":  # dotted and dotless i are two letters
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower().replace("ß", "ss")


def _bare(letter):
    """The letter without its accents ("ö" -> "o"), and whether it had any."""
    bare = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))
    return bare, bare != letter


def _weights(text, language):
    """(first-level weights, second-level weights) of `text` in `language`'s alphabet."""
    places = _places(language)
    primary, secondary = [], []
    for char in _lower(text, language):
        if language == "ar":
            if char in ARABIC_IGNORED:
                continue
            folded = char.translate(ARABIC_FOLDS)
            if folded in places:
                primary.append(places[folded])
                secondary.append(int(folded != char))
                continue
        if char in places:
            primary.append(places[char])
            secondary.append(0)
            continue
        bare, accented = _bare(char)
        if bare and all(c in places for c in bare):
            primary.extend(places[c] for c in bare)
            secondary.extend([int(accented)] * len(bare))
        elif char.isalnum():
            primary.append(1000 + ord(char))  # another script's letter or a digit: after the alphabet
            secondary.append(0)
        else:
            primary.append(0)  # space, hyphen, punctuation: before every letter
            secondary.append(0)
    return tuple(primary), tuple(secondary)


def in_script(text, language):
    """Whether `text` begins with a letter of `language`'s alphabet (accents aside)."""
    language = _language(language)
    places = _places(language)
    lowered = _lower(text, language)
    if language == "ar":
        lowered = lowered.translate(ARABIC_FOLDS)
    for char in lowered:
        if char.isalpha():
            return char in places or _bare(char)[0] in places
    return True


def sort_key(text, language):
    """The key to sort `text` among others for a reader of `language`."""
    language = _language(language)
    text = str(text)
    if in_script(text, language):
        return (0, *_weights(text, language), text)
    return (1, *_weights(text, FALLBACK), text)


def collation_key(language):
    """`key=` for `sorted` over strings, in `language`'s order."""
    return lambda text: sort_key(text, language)


def by_name(items, language, name=str):
    """`items` sorted by `name(item)` in `language`'s order (a new list)."""
    return sorted(items, key=lambda item: sort_key(name(item), language))
