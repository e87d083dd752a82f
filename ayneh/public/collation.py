"""Persian alphabetical order for lists people scan by eye (the office directory).

Unicode code-point order puts «پ چ ژ گ» after «ی» (they sit in the Arabic-extension block) and «آ» away
from «ا»; Persian readers expect the alphabet: آ ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی.
"""

PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
# Arabic forms sort with their Persian letters; a character outside the alphabet sorts after it, by code.
_VARIANTS = {"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "ة": "ه", "ؤ": "و", "ئ": "ی"}
_RANK = {letter: rank for rank, letter in enumerate(PERSIAN_ALPHABET)}
_AFTER_ALPHABET = len(PERSIAN_ALPHABET)


def persian_sort_key(text: str) -> tuple[tuple[int, int], ...]:
    """A sort key ordering Persian strings alphabetically; spaces and ZWNJ sort first, like a word break."""
    key = []
    for char in text:
        char = _VARIANTS.get(char, char)
        if char in (" ", "\u200c"):
            key.append((-1, 0))
        elif char in _RANK:
            key.append((0, _RANK[char]))
        else:
            key.append((1, _AFTER_ALPHABET + ord(char)))
    return tuple(key)
