"""Which mentions name the same person: full names by spelling, a surname or a first name
alone by the full names the story gives (one of the merge rules of aliases.cluster)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz

from generator.sections.actors.forms import (
    SURNAME_SIMILARITY, Form, UnionFind, fold, is_abbreviation, is_country_name,
)
from generator.text.actor_kinds import (
    FACILITY_NOUNS, GENERIC_ORG_HEADS, HONORIFICS, INSTITUTION_NOUNS, IRREGULAR_DEMONYMS, LANDFORM_NOUNS,
    MEDIA_NAME_WORDS, ORG_NOUNS, TITLE_NOUNS, is_body_noun, is_demonym, is_region_name,
)

# "John J. Ray III", "Martin Luther King Jr.": a suffix after the surname, not the surname
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
GLUED_SUFFIX = re.compile(r"(?<=[a-z])(III|II|IV|Jr|Sr)\b")
MIN_SHORT_FIRST_NAME = 3  # "Ben" for "Benjamin"; shorter prefixes ("Jo") fit too many names
FULL_NAME_SIMILARITY = 88  # "Amirali Rostamy" ~ "Amir Ali Rostami", "Yevgeny"/"Yevgeni" Orlov
BODY_WORDS = ORG_NOUNS | INSTITUTION_NOUNS | GENERIC_ORG_HEADS | FACILITY_NOUNS | MEDIA_NAME_WORDS | LANDFORM_NOUNS
REPORTING_GLUE = frozenset({"said", "says", "told", "added", "noted"})  # "...Lindqvistsaid"


@lru_cache(maxsize=1 << 16)
def _name_tokens(core: str) -> tuple[str, ...]:
    """Folded name words without initials ("J. Lindqvist" -> ("lindqvist",)).

    Memoised: each person's name is compared with every other name of the story."""
    core = GLUED_SUFFIX.sub(r" \1", core)  # "John J. RayIII": the space before the suffix was lost
    words = [w for w in fold(core).replace(".", ". ").split() if not re.fullmatch(r"[a-z]\.?", w)]
    # "John Ray III" is a Ray; "George III" keeps its numeral: a king's name, not a George
    while len(words) > 2 and words[-1].rstrip(".,") in GENERATION_SUFFIXES:
        words.pop()
    return tuple(words)


# A king's or a pope's number after the name ("Edward VII", "Benedict XVI"): no surname.
REGNAL_NUMBER = re.compile(r"(?:x{0,2})(?:ix|iv|v?i{0,3})")
# Titles a person is named by with one name alone ("Queen Anna", "Pope Leo", "Prince Karl"):
# that name is the person's whole name, not the first name of another the story names in full.
SOVEREIGN_TITLES = frozenset({"king", "queen", "prince", "princess", "pope", "emperor", "empress", "sultan",
                              "tsar", "czar", "crown"})


def _same_person(a: str, b: str) -> bool:
    """Two multi-word names of one person: a near-identical spelling once spaces are dropped,
    or one is the other without some words ("Amir Ali" / "K. Lindqvist" / "Jonas Lindqvist")."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True  # the same words once initials, suffixes and spacing are set aside
    sa, sb = "".join(ta), "".join(tb)
    if sa[0] == sb[0] and ta[-1][0] == tb[-1][0] and min(len(sa), len(sb)) >= 8 \
            and fuzz.ratio(sa, sb) >= FULL_NAME_SIMILARITY:
        return True
    short, long = sorted((ta, tb), key=len)
    if len(short) == len(long):
        if len(ta) == 2 and ta == tb[::-1]:
            return True  # "Zhao Changpeng" / "Changpeng Zhao": family name first or last
        if ta[1:] == tb[1:] and _short_first_name(ta[0], tb[0]):
            return True  # "Ben Crump" / "Benjamin Crump"
        if ta[1:] == tb[1:] and _two_letters_swapped(ta[0], tb[0]):
            return True  # "Horan Velt" / "Haron Velt": two letters typed in each other's place
        return ta[:-1] == tb[:-1] and _glued_surname(ta[-1], tb[-1])
    if long[-1] in FACILITY_NOUNS or is_body_noun(long[-1]):
        return False  # "George Floyd Square" is a place named after George Floyd, "X Foundation" his charity
    if len(short) == 2 and len(long) == 3 and long[0] == short[0] and long[-1] == short[-1]:
        return True  # "Vanessa Laine Bryant" / "Vanessa Bryant": a middle name written once
    return long[-len(short):] == short or long[: len(short)] == short


def _two_letters_swapped(x: str, y: str) -> bool:
    """ "horan" / "haron": the same word but for two letters in each other's place (a typo)."""
    if len(x) != len(y) or len(x) < 4 or x[0] != y[0]:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def _short_first_name(x: str, y: str) -> bool:
    """ "ben" / "benjamin", "chris" / "christopher": one first name the start of the other, or
    its start with a pet ending ("bernie" / "bernard"); or an English short form that is not
    ("dave" / "david", "bill" / "william")."""
    short, long = sorted((x, y), key=len)
    if len(short) >= MIN_SHORT_FIRST_NAME and short != long and long.startswith(short):
        return True
    # a pet form: the name's start with "-ie" or "-y" ("bernie" / "bernard", "freddie" / "frederick")
    stem = re.sub(r"(?:ie|y)$", "", short)
    stem = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
    if stem != short and len(stem) >= MIN_SHORT_FIRST_NAME and short != long and long.startswith(stem):
        return True
    return long in SHORT_FORMS.get(short, ()) or short in SHORT_FORMS.get(long, ())


# English short forms of first names that are not the start of the full name.
SHORT_FORMS = {
    "dave": ("david",), "bill": ("william",), "billy": ("william",), "will": ("william",), "bob": ("robert",),
    "bobby": ("robert",), "rob": ("robert",), "jim": ("james",), "jimmy": ("james",), "jack": ("john",),
    "johnny": ("john",), "mike": ("michael",), "tony": ("anthony",), "dick": ("richard",), "rick": ("richard",),
    "ted": ("edward",), "ned": ("edward",), "peggy": ("margaret",), "liz": ("elizabeth",), "beth": ("elizabeth",),
    "betty": ("elizabeth",), "kate": ("katherine", "catherine"), "katie": ("katherine", "catherine"),
    "sue": ("susan",), "jen": ("jennifer",), "jenny": ("jennifer",), "andy": ("andrew",), "pete": ("peter",),
    "steve": ("stephen", "steven"), "chuck": ("charles",), "charlie": ("charles",), "hank": ("henry",),
    "harry": ("henry",), "larry": ("lawrence",), "jerry": ("gerald", "jerome"), "ron": ("ronald",),
    "don": ("donald",), "ken": ("kenneth",), "len": ("leonard",), "ray": ("raymond",),
    "eddie": ("edward", "edwin"), "eddy": ("edward",), "teddy": ("edward", "theodore"), "tom": ("thomas",),
    "tommy": ("thomas",), "joe": ("joseph",), "joey": ("joseph",), "danny": ("daniel",), "gene": ("eugene",),
    "jake": ("jacob",), "mickey": ("michael",), "sally": ("sarah",), "maggie": ("margaret",), "meg": ("margaret",),
    "patty": ("patricia",), "trish": ("patricia",), "becky": ("rebecca",), "abby": ("abigail",),
    "kathy": ("katherine", "kathleen"), "cathy": ("catherine",), "vicky": ("victoria",), "nate": ("nathan", "nathaniel"),
}


def _glued_surname(a: str, b: str) -> bool:
    """Same surname once a word glued on by a lost space is cut off and a letter forgiven:
    "Lindqvistsaid" ~ "Lindqvist", "Hakkinenthe" ~ "Hakkinnen" (first names equal)."""
    long, short = (a, b) if len(a) >= len(b) else (b, a)
    return any(fuzz.ratio(long[: len(long) - k], short) >= SURNAME_SIMILARITY
               and (k == 0 or glued_word(long[len(long) - k:]))
               for k in range(0, min(12, len(long) - 4)))


def glued_word(tail: str) -> bool:
    """A word a lost space glued to a name: a function word or an inflected verb
    ("...the", "...delivered", "...said"), not a name's own ending ("Orlov"/"Orlovsky")."""
    from generator.speedups.stop_words import stop_words

    return tail in stop_words() or tail in REPORTING_GLUE or (len(tail) >= 5 and tail.endswith(("ed", "ing")))


def _surname_fits(single: str, full: str) -> bool:
    """ "Vogt" ~ "Clara Vogt"; "Hakinen" ~ "Mika Hakkinen"; "Lindqvistsaid" (a
    scraped page that lost a space) ~ "Jonas Lindqvist"."""
    tokens = _name_tokens(full)
    s, last = fold(single), tokens[-1] if tokens else ""
    if not last:
        return False
    if s == last or len(s) >= 4 and "-" in last and s == last.rsplit("-", 1)[1]:
        return True  # "Zaman" ~ "Waker-Uz-Zaman": a hyphenated surname goes by its last part
    if len(s) >= 5 and s[0] == last[0] and fuzz.ratio(s, last) >= SURNAME_SIMILARITY and not extended(s, last):
        return True
    tail = single[len(last):]
    return len(last) >= 5 and s.startswith(last) and tail.isalpha() and tail.islower() and glued_word(tail)


def extended(x: str, y: str) -> bool:
    """One word is the other with two or more letters added at its end ("Christie" / "Christ",
    "Johnson" / "Johns"): another name, not a slip of typing."""
    short, long = sorted((x, y), key=len)
    return len(long) - len(short) >= 2 and long.startswith(short)


def merge_people(forms: Sequence[Form], uf: UnionFind, texts: Sequence[str] = ()) -> None:
    """Full names merge by spelling; a lone surname joins the (most mentioned) person it ends."""
    people = [f for f in forms if f.label == "PERSON"]
    # multi-word names of any label: spaCy sometimes tags a person's full name as a place
    multi = sorted({f.key: f for f in forms if len(f.core.split()) >= 2 and not is_abbreviation(f.core)
                    and (f.label == "PERSON" or not is_country_name(f.core))}.values(), key=lambda f: f.key)
    people_keys = {f.key for f in people}
    for i, a in enumerate(multi):
        for b in multi[i + 1:]:
            if (a.key in people_keys or b.key in people_keys) and _same_person(a.core, b.core):
                uf.union(a.index, b.index)
    # a name spaCy tagged an organisation each time it was written in full ("Mariano Rajoy")
    # is a person's when a surname it tagged a person ends it, and no person's name does
    named = [f for f in multi if f.key not in people_keys and f.label == "ORG" and _person_shaped(f.core)]
    multi = [f for f in multi if f.key in people_keys]
    counts = Counter(uf.find(f.index) for f in forms if f.label == "PERSON" or len(f.core.split()) >= 2)
    singles = [f for f in forms if len(f.core.split()) == 1 and f.label in {"PERSON", "ORG"}
               and not is_country_name(f.core) and not is_abbreviation(f.core)]
    # a name tagged an organisation is a person's surname only where at least half the articles
    # that write it name the person in full: not "Velt" the carmaker of five articles for "Car
    # Maker Jo Velt" written once
    articles: dict[str, set[int]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)  # a name's key -> the sovereign's titles written before it
    for f in forms:
        articles[f.key].add(f.article)
        titles[f.key] |= {w for w in fold(f.text).split()[:1] if w in SOVEREIGN_TITLES}
    fitting: dict[tuple[str, str], list[Form]] = {}  # the same surname recurs: match it against the names once
    offices: dict[tuple[int, int], bool] = {}  # (surname's group, person) -> written with another's office
    undecided = []
    for f in singles:
        key = (f.core, f.label)
        if key not in fitting:
            fits = [m for m in multi if _surname_fits(f.core, m.core) or _regnal_fits(f, m, titles)]
            if f.label != "PERSON" and 2 * len(set().union(*(articles[m.key] for m in fits))) < len(articles[f.key]):
                fits = []
            if not fits and f.label == "PERSON":
                fits = [m for m in named if _surname_fits(f.core, m.core)]
            fitting[key] = fits
        fits = sorted({uf.find(m.index) for m in fitting[key]}, key=lambda root: (-counts[root], root))
        if len(fits) > 1:  # two people share the surname: a title only one bears tells which; else
            # the story's protagonist when named far more often than the other ("Arbery" is Ahmaud
            # Arbery, not his father named once); else no one
            fits = _titled(f, fits, forms, uf) or (fits[:1] if counts[fits[0]] >= DOMINANT * counts[fits[1]] else [])
            if not fits:
                undecided.append(f)
        if len(fits) == 1 and texts:
            pair = (uf.find(f.index), uf.find(fits[0]))
            if pair not in offices:  # (asked once for each surname's group and person)
                offices[pair] = any(_other_office(g, fits[0], forms, uf, texts) for g in singles
                                    if uf.find(g.index) == pair[0])
            if offices[pair]:
                fits = []  # "President Velt" where the story names only "First Lady Ann Velt": someone else
        if len(fits) == 1 and not _named_already(f, fits[0], multi, uf):
            # (a union moves a group's root: the two groups' counts go to the root as it now is)
            total = counts.pop(uf.find(fits[0]), 0) + counts.pop(uf.find(f.index), 0)
            uf.union(fits[0], f.index)
            counts[uf.find(f.index)] = total
    # last, what the text around an undecided surname tells, where no title or count decided it
    # for any of its mentions (a surname decided once is its group's: a second decision would
    # make two people one)
    for f in undecided:
        roots = sorted({uf.find(m.index) for m in fitting[(f.core, f.label)]})
        if uf.find(f.index) in roots:
            continue
        if not any(uf.find(m.index) == uf.find(f.index) for m in multi):
            local = _local_reading(f, roots, forms, uf)
            if local:
                uf.union(local[0], f.index)


def merge_nationality_surnames(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "Australian Velt" (a nationality written before a surname, "Australian Velt said ...") is
    the person the story names in full as "Jo Velt", when exactly one person of the story has
    that surname; spaCy tags the two words as one name, often an organisation's. A body's name
    keeps its nationality ("Examplian Express"): no person of the story is surnamed "Express"."""
    people = [f for f in forms if f.label == "PERSON" and len(f.core.split()) >= 2]
    for f in forms:
        words = f.core.split()
        # (not a name the parse took for a person's: "Roman Velt" is a first name; nor a
        # country's stem alone, "Georg" of Georgia)
        if f.label == "PERSON" or len(words) != 2 or not _nationality(words[0]) or not words[1][:1].isupper():
            continue
        fits = {uf.find(m.index) for m in people if m.key != f.key and _surname_fits(words[1], m.core)}
        if len(fits) == 1:
            uf.union(fits.pop(), f.index)


def _nationality(word: str) -> bool:
    """ "Australian", "Japanese", "Israeli": a demonym with its ending, not a country's bare stem."""
    return is_demonym(word) and (fold(word) in IRREGULAR_DEMONYMS or fold(word).endswith(NATIONALITY_ENDINGS))


NATIONALITY_ENDINGS = ("an", "ese", "ish", "i", "ic")


def _named_already(f: Form, root: int, multi: Sequence[Form], uf: UnionFind) -> bool:
    """The surname's mentions already belong to another person named in full ("Winehouse" joined
    Amy Winehouse by one spelling of it): a second decision would make two people one."""
    own = uf.find(f.index)
    return own != uf.find(root) and any(uf.find(m.index) == own for m in multi)


def _regnal_fits(f: Form, m: Form, titles: dict[str, set[str]]) -> bool:
    """ "Anna" or "Queen Anna" for "Queen Anna II" (a sovereign goes by the name alone), not
    "Prince Karl" for "King Karl IV": a name written only with titles the sovereign's own name
    never bears is someone else's."""
    words = _name_tokens(m.core)
    if len(words) != 2 or not REGNAL_NUMBER.fullmatch(words[1]) or fold(f.core) != words[0]:
        return False
    return not titles[f.key] or bool(titles[f.key] & titles[m.key])


DOMINANT = 3  # a person named this many times as often as another of the same surname is the one meant
SURNAME_MENTIONS = 3  # a last word the model tags a person this often is a surname


def people_taken_for_places(forms: Sequence[Form]) -> list[Form]:
    """ "Tomas Velder" tagged a place each time it is written in full, "Velder" a person thirty times:
    a person-shaped name that is no country or region, whose last word is a surname of the story,
    is a person's name (a town's last word is not a person: "Port Harlow", "Lake Velmont")."""
    from dataclasses import replace

    surnames = Counter(f.core for f in forms if f.label == "PERSON" and " " not in f.core)
    out = []
    for f in forms:
        words = f.core.split()
        if f.label in {"GPE", "LOC"} and len(words) >= 2 and _person_shaped(f.core) and not is_country_name(f.core) \
                and not is_region_name(f.core) and surnames[words[-1]] >= SURNAME_MENTIONS:
            f = replace(f, label="PERSON")
        out.append(f)
    return out


LOCAL_MAJORITY = 2 / 3  # share of a surname's mentions whose nearest full name before them is one person


def _local_reading(single: Form, roots: list[int], forms: Sequence[Form], uf: UnionFind) -> list[int]:
    """ "Velder" where the story names Tomas Velder and, late, his uncle Peter: news copy
    means by a surname the person last named in full before it; when most of its mentions follow
    one of them, the surname is that person's (else it stays apart, ambiguous)."""
    votes: Counter[int] = Counter()
    for g in forms:
        if g.key != single.key:
            continue
        before = [h for h in forms if h.article == g.article and h.start < g.start and uf.find(h.index) in roots
                  and h.key != g.key]
        if before:
            votes[uf.find(max(before, key=lambda h: h.start).index)] += 1
    if not votes:
        return []
    root, n = votes.most_common(1)[0]
    return [root] if n >= 2 and n >= LOCAL_MAJORITY * sum(votes.values()) else []


def _titled(single: Form, roots: list[int], forms: Sequence[Form], uf: UnionFind) -> list[int]:
    """ "President Velt" where the story names Jack Velt and Hunter Velt: the one whose own
    mentions bear the title ("President Jack Velt"); else none (it stays apart, ambiguous)."""
    before = fold(single.text[: max(0, len(single.text) - len(single.core))]).split()
    if not before:
        return []
    title = before[-1]
    bearing = [r for r in roots if any(uf.find(f.index) == r and f is not single and title in fold(f.text).split()
                                       for f in forms)]
    return bearing if len(bearing) == 1 else []


def _other_office(single: Form, root: int, forms: Sequence[Form], uf: UnionFind, texts: Sequence[str]) -> bool:
    """The surname is written with an office ("President Velt") that the person named in full
    never bears, while each full mention bears another ("First Lady Ann Velt"): two people."""
    before = fold(texts[single.article][max(0, single.start - 30): single.start]
                  + single.text[: max(0, len(single.text) - len(single.core))]).split()
    if not before or before[-1] not in TITLE_NOUNS:
        return False
    titles = set()
    for f in forms:
        if f is single or uf.find(f.index) != root or len(f.core.split()) < 2:
            continue
        words = fold(texts[f.article][max(0, f.start - 30): f.start] + f.text[: max(0, len(f.text) - len(f.core))]).split()
        if not words or words[-1] not in TITLE_NOUNS | HONORIFICS:
            return False  # a full mention with no office before it: nothing tells them apart
        titles.add(words[-1])
    return bool(titles) and before[-1] not in titles


def _person_shaped(core: str) -> bool:
    """Two to four capitalised words, none a word that names a body or a site ("Mariano Rajoy",
    not "Federal Reserve System" or "Lusail Stadium")."""
    words = core.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*", w) for w in words) \
        and not any(fold(w) in BODY_WORDS for w in words)


FIRST_NAME_DOMINANCE = 3  # "Steve" is the article's Steve Jobs when he is named 3x as often as Steve Wozniak


def first_name_of(core: str) -> str | None:
    """The folded first name of a multi-word person's name ("Steve Jobs" -> "steve")."""
    words = _name_tokens(core)
    if len(words) < 2 or REGNAL_NUMBER.fullmatch(words[-1]):
        return None  # "Edward VII": "Edward" alone is not known to be the king
    return words[0]


def merge_first_names(forms: Sequence[Form], uf: UnionFind) -> None:
    """ "Steve" after "Steve Jobs": a first name alone is the person of that first name its
    article names (else the story's only one); where the article names several, the one it
    is about (named three times as often as any other). Every article must tell, and tell
    the same person: else the first name stays apart (build shows it nowhere)."""
    people = [f for f in forms if f.label == "PERSON" and first_name_of(f.core)]
    by_first: dict[str, set[int]] = defaultdict(set)
    for f in people:
        by_first[first_name_of(f.core)].add(uf.find(f.index))
    size: Counter[tuple[int, int]] = Counter((f.article, uf.find(f.index)) for f in forms)
    multi_roots = {uf.find(f.index) for f in people}
    votes: dict[int, set[int | None]] = defaultdict(set)  # a first name's group -> the people it is
    for f in forms:
        key = fold(f.core)
        # a first name tagged an organisation is as often a thing named after the person ("the
        # Vikram lander", named after Vikram Sarabhai): only a person's first name is one
        if f.label != "PERSON" or " " in f.core or key not in by_first or uf.find(f.index) in multi_roots:
            continue
        if fold(f.text).split()[0] in SOVEREIGN_TITLES:
            continue  # "Queen Anna" is no Anna Roe of the same story
        votes[uf.find(f.index)].add(_first_name_person(f.article, sorted(by_first[key]), size))
    for root, people_voted in sorted(votes.items()):
        if len(people_voted) == 1 and None not in people_voted:
            uf.union(people_voted.pop(), root)


def _first_name_person(article: int, roots: list[int], size: Counter) -> int | None:
    """The person a first name alone names in its article, or None when it cannot tell."""
    here = sorted((r for r in roots if size[(article, r)]), key=lambda r: (-size[(article, r)], r))
    if not here:
        return roots[0] if len(roots) == 1 else None
    if len(here) == 1 or size[(article, here[0])] >= FIRST_NAME_DOMINANCE * size[(article, here[1])]:
        return here[0]
    return None
