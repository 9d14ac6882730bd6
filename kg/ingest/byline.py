"""Bylines and credits: who wrote, photographed or edited an article.

Shapes read (examples invented):

* a byline in brackets after a dateline: "本报讯(记者 林晓雯 通讯员 许诺)",
  "新华社北京3月8日电(记者 林晓雯、许诺)", "人民网北京5月8日电 (记者 林晓雯)",
  "云溪日报讯(全媒体记者 林晓雯)";
* a bare byline after a dateline: "本报讯 记者林晓雯 通讯员许诺报道:",
  "本报讯 记者林晓雯报道 5月8日…" (no colon);
* a byline line: "本报记者  林晓雯", "记者文浩 许诺" (文/图 are also surnames),
  "新华社记者 林晓雯、许诺", "(通讯员 许诺 记者 林晓雯)", and the spaced line
  under a People's-Daily-style title, "本报记者  江  平  许  诺《某某日报》(…第 02 版)",
  where a two-character name is printed with a space inside it;
* a byline closing the article: "…。(记者:林晓雯)", "(作者:林晓雯 许诺)";
* photo credits: "■本报记者 林晓雯", "(记者 林晓雯 摄)", "陈可摄(云溪视觉)",
  "林晓雯 许诺 摄", "本版图片由记者林晓雯、许诺提供";
* credit lines of editors ("责任编辑:林晓雯", "(编辑:林晓雯 审核编辑:许诺)",
  "编辑丨林晓雯 许诺"): they name no author and no journalist.
"""
from __future__ import annotations

import re
from functools import cache

# a name: two to five characters, or a transcribed name with a middle dot (阿依古丽·买买提; "?" where
# a repost lost the dot)
NAME = r"(?:[\u4e00-\u9fff]{1,7}[·•・?][\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,5})"
# a two-character name padded to the width of three, as many papers print it ("记者 朱 磊 摄")
SPACED_NAME = r"(?<=[\s记者员生])[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff]"
# words that end a role token: "本报记者", "全媒体记者", "特约通讯员", "摄影记者"
AUTHOR_ROLES = ("记者", "作者", "撰稿", "采写", "摄影", "摄像")
CORRESPONDENT_ROLES = ("通讯员", "通迅员", "实习生")  # 通迅员: a common misprint
EDITOR_ROLES = ("编辑", "责编", "审核", "审校", "校对", "统筹", "监制", "策划", "主编", "终审", "二审", "三审", "一审",
                "编审", "美编", "制图", "设计", "来源", "出品", "视频", "排版", "版式", "值班")
ROLE_WORDS = AUTHOR_ROLES + CORRESPONDENT_ROLES + EDITOR_ROLES
ROLE_ANY = re.compile("|".join(ROLE_WORDS))
# what stands before a role word in a byline is a paper or a kind of reporter ("本报", "全媒体"),
# never a clause ("本版图片由记者…", "据记者…")
NOT_ROLE_PREFIX = re.compile(r"[由从向对据在为被将把和与了到是说称让请跟随同]")
# single-character roles, which are also surnames: "文/图 林晓雯", "文:林晓雯", "图 林晓雯"
SHORT_ROLES = ("文", "图")
NOT_NAMES = {"报道", "摄", "摄影", "供图", "提供", "等", "联合", "发自", "综合", "整理", "报道组",
             # column headings that start with 记者: "记者手记", "记者观察"
             "手记", "观察", "调查", "直击", "探访", "连线", "札记", "走基层", "视点", "体验", "跟踪", "日记",
             "一线", "现场", "感言", "笔记", "采访", "来信", "问答"}
_SEP = r"[\s、,，/:：丨|｜;；]+"
# a source note after a byline line: "《某某日报》(2026年05月01日第 02 版)"
SOURCE_NOTE = re.compile(r"\s*《[^》]{1,20}》\s*(?:[(（][^()（）]{0,40}[)）])?\s*$")
DATELINE_HEAD = (r"(?:本报讯|本报[^(（\n]{0,15}?电|(?:新华社|中新社|人民网|新华网|央视网|央广网|中国新闻网|光明网|中国日报网)"
                 r"[^(（\n]{0,15}?电|[\u4e00-\u9fff]{2,10}(?:网|报|台|社)\s+[^\s(（\n]{2,15}?电|[\u4e00-\u9fff]{2,10}(?:网|报|台|社)讯|[^\s(（。,，;；:：]{2,30}?(?:讯|消息|电)"
                 # a media centre's credit, after its web site's name: "某某网-某某县融媒体中心(记者 X)"
                 r"|(?:[\u4e00-\u9fff]{2,12}(?:网|报|台)\s*[-—－·•]\s*)?[\u4e00-\u9fff]{2,12}(?:融媒体中心|传媒中心|新闻中心))")
# a dateline that starts an item even without a byline: "本报讯 今年以来…", "新华社云溪5月8日电 …"
ITEM_START = re.compile(r"^(?:本报讯|本报[^(（\n]{0,15}?\d{1,2}月\d{1,2}日电|(?:新华社|中新社|人民网|新华网|央视网|央广网|"
                        r"中国新闻网|光明网|中国日报网)[^(（\n]{0,15}?\d{1,2}月\d{1,2}日电|[\u4e00-\u9fff]{2,10}(?:网|报|台|社)讯)")
DATELINE = re.compile(rf"^{DATELINE_HEAD}\s*[(（【\[]([^()（）【】\[\]]{{1,80}})[)）】\]]")
# "本报讯 记者张三 通讯员李四报道:", "本报讯 记者张三报道 5月8日…", "本报讯 记者 张三 5月8日…"
DATELINE_BARE = re.compile(
    rf"^{DATELINE_HEAD}\s*((?:[\u4e00-\u9fff]{{0,6}}?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff·]{{2,8}}"
    r"(?:[\s、,]+(?:[\u4e00-\u9fff]{0,6}?(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fff·]{2,8})*)\s*)"
    r"(?:报道\s*[:：]?|[:：]|(?=\s*\d)|(?=\s+\S))"
)
# a reporter's credit in brackets opening a paragraph without a dateline: "(记者 林晓雯)“我宣布,…"
BRACKET_LEAD = re.compile(r"^\s*[(（]\s*((?:[\u4e00-\u9fff]{0,4}记者|通讯员)[^()（）]{1,60})[)）]")
# a byline leading the first paragraph, closed by "(place)报道": "本报记者 张三 实习生 李四 云溪报道 今年以来…"
LEAD_BYLINE = re.compile(
    r"^((?:[\u4e00-\u9fff]{0,6}?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff·]{2,8}"
    r"(?:[\s、,]+(?:[\u4e00-\u9fff]{0,6}?(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fff·]{2,8})*?))"
    r"(?:\s+(?:[\u4e00-\u9fff]{2,6}\s*)?报道\s*[:：]?\s*|\s+(?=(?:\d{4}年)?\d{1,2}月\d{1,2}日))"
)
# a byline after the last sentence, without brackets: "…。文/本报记者 张三", "…。 本报记者 张三 李四"
TRAILING_BARE = re.compile(r"[。!?！？]\s*((?:本版)?(?:文|图|文/图)\s*/\s*[\u4e00-\u9fff]{0,6}?(?:记者)?\s*"
                           r"[\u4e00-\u9fff·]{2,5}(?:[\s、]+[\u4e00-\u9fff·]{2,5})*"
                           r"|[\u4e00-\u9fff]{0,6}?记者\s+[\u4e00-\u9fff·]{2,5}(?:[\s、]+[\u4e00-\u9fff·]{2,5})*)\s*$")
# up to four words of two to four characters, the whole of a bracket's content ("张三 李四")
BARE_NAMES = r"[\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4}){0,3}"
# names alone in brackets closing an item's last sentence, the reporters of many local papers: "…。 (张三 李四)"
TRAILING_NAMES = re.compile(rf"[。!?！？”]\s*[(（]\s*({BARE_NAMES})\s*[)）]\s*$")
# an editor's note after a closing byline: "(责任编辑:X)", "//来源:某某报//"
EDITOR_TAIL = re.compile(r"(?:\s*(?:[(（\[【]\s*[\u4e00-\u9fff]{0,4}?(?:编辑|责编|来源)\s*[:：][^()（）\[\]【】]{0,30}[)）\]】]"
                         r"|/{1,2}\s*来源\s*[:：][^/]{0,30}/{0,2}|/{1,2}))+\s*$")
MARKS = "■□▲●◆◇"
ROLE_START = re.compile(r"^[■□▲●◆◇•▪—-]*\s*[(（【\[]?\s*[\u4e00-\u9fff]{0,8}?(?:记者|通讯员|作者|实习生|摄影|撰稿|[文图]\s*[/:：|丨]|文/图)")
TRAILING = re.compile(r"[(（【\[]\s*([\u4e00-\u9fff]{0,8}?(?:记者|通讯员|作者|实习生|撰稿|文\s*[/:：]|文/图)[^()（）【】\[\]]{1,60})"
                      r"[)）】\]]\s*$")
EDITOR_LINE = re.compile(r"^[(（\[【]?\s*(?:[\u4e00-\u9fff]{0,4}?(?:" + "|".join(EDITOR_ROLES) + r"))\s*[:：丨|｜]")
# "■本报记者 张三" ending a caption
MARKED_CREDIT = re.compile(rf"[■□▲●]\s*(?:[\u4e00-\u9fff]{{0,6}}?(?:记者|通讯员|摄影))?\s*({NAME}(?:[\s、]+{NAME})*)"
                           r"\s*(?:摄)?\s*$")
# "(记者 张三 摄)", "张三 李四 摄", "陈可摄(云溪视觉)", "新华社记者 张三 摄"
SHE_CREDIT = re.compile(r"(?:^|(?<=[\s(（■□▲●◆。!?！？,，;；:：]))"
                        r"([\u4e00-\u9fff]{0,8}?(?:记者|通讯员|摄影|实习生)\s*|[\u4e00-\u9fff]{1,8}?发\s*)?"
                        rf"({NAME}(?:[\s、]+{NAME})*?|{SPACED_NAME})[\s/]*摄(?:影)?\s*"
                        r"(?:[(（][^()（）]{1,20}[)）])?\s*[)）]?\s*$")
# "本版图片由记者张三、李四提供", "图片由通讯员张三拍摄"
PAGE_PHOTO = re.compile(r"(?:本版|本期|本文|文中|以上)?(?:图片|照片|图)\s*(?:均)?由\s*"
                        r"([\u4e00-\u9fff]{0,8}?(?:记者|通讯员|摄影|实习生)\s*)?"
                        r"([\u4e00-\u9fff·]{2,5}(?:[\s、和及]+[\u4e00-\u9fff·]{2,5})*?)\s*(?:提供|拍摄|摄)")
NOT_PHOTOGRAPHER_END = ("拍", "航", "所", "偷", "跟", "抓", "自", "被")


@cache
def _surnames() -> frozenset[str]:
    from kg.extract.lexicon import surnames  # the shared loader: the lead may replace the list

    return surnames()


def has_surname(name: str) -> bool:
    """Whether ``name`` starts with a family name (one or two characters), or is a transcribed name."""
    if re.search(r"[·•・?]", name):  # a transcribed name (阿依古丽·买买提) has no family name of the list
        return True
    s = _surnames()
    return (name[:2] in s and len(name) >= 3) or name[:1] in s


def _reads_as_name(word: str) -> bool:
    """A word in brackets with no role beside it reads as a person's name (全文完, 图片 do not)."""
    from kg.extract.lexicon import is_dictionary_word
    from kg.extract.name_grammar import FUNCTION_WORD_SURNAMES, PREPOSITION_SURNAMES, name_at

    if word[0] in PREPOSITION_SURNAMES | FUNCTION_WORD_SURNAMES and is_dictionary_word(word[:2]):
        return False  # 全文|完, 来源: a word that starts with a family name's character
    return name_at(word + "。", 0, strict=True) == len(word)


def names_alone(inner: str) -> tuple[list[str], list[str]] | None:
    """Reporters named alone in brackets, with no role word ("甲 乙"): every word must read as a person's name
    (not "(全文完)", "(下转第二版)"); else None."""
    inner = inner.strip()
    if not re.fullmatch(BARE_NAMES, inner):
        return None
    people = parse_people(inner, strict=True)
    found = people[0] + people[1]
    if len(found) == len(re.split(r"[\s、]+", inner)) and all(_reads_as_name(n) for n in found):
        return people
    return None


def role_split(tok: str) -> tuple[str, str] | None:
    """(role word, name after it) of a token such as "本报记者", "全媒体记者张三", "摄影记者张三", "责任编辑".

    The last role word wins ("摄影记者" is a 记者); what follows it must be empty or a name.
    """
    best: tuple[str, str] | None = None
    for m in ROLE_ANY.finditer(tok):
        if m.start() > 8 or NOT_ROLE_PREFIX.search(tok[:m.start()]):
            break
        rest = tok[m.end():]
        if not rest or re.fullmatch(NAME, rest):
            best = (m.group(0), rest)
    return best


def _tokens(inner: str) -> list[tuple[str, str]]:
    """(token, separator after it) pairs of a byline."""
    out: list[tuple[str, str]] = []
    for m in re.finditer(rf"([^\s、,，/:：丨|｜;；]+)({_SEP})?", inner):
        out.append((m.group(1), m.group(2) or ""))
    return out


def _join_spaced(names: list[tuple[str, bool]]) -> list[str]:
    """Join runs of single characters separated by spaces: "江 平 许 诺" is 江平 and 许诺.

    ``names`` holds (token, followed-by-a-space-only) pairs.
    """
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2:
            pairs = [run[i] + run[i + 1] for i in range(0, len(run) - 1, 2)]
            if len(run) % 2:
                pairs[-1] += run[-1]
            out.extend(pairs)
        run.clear()

    for tok, spaced in names:
        if len(tok) == 1:
            run.append(tok)
            if not spaced:
                flush()
            continue
        flush()
        out.append(tok)
    flush()
    return out


# a role word closing a token that names the outlet before it ("农民日报·中国农网见习记者", "新华社记者")
OUTLET_ROLE = re.compile(r"(?:报|网|社|台|刊|中心)[^\s]{0,6}?(?:见习|实习|特约|全媒体|融媒体|首席)?(记者|通讯员)$")


# a name glued to the role after it in a byline with no spaces: "记者马某某见习记者赵某某"
GLUED_ROLE = re.compile(r"((?:记者|通讯员|通迅员|实习生)[\u4e00-\u9fff]{2,4}?)((?:见习|实习|特约|全媒体|融媒体|首席)?"
                        r"(?:记者|通讯员|通迅员|实习生))")
# a name, then what the person did: "李某摄影报道", "李某报道"
CREDITED_NAME = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:摄影报道|摄影|报道)")


def parse_people(inner: str, strict: bool = False, heading_guard: bool = False) -> tuple[list[str], list[str]]:
    """Names in a byline: (reporters, correspondents); editors are left out.

    ``strict`` asks every name to start with a family name (for credits read
    from running text, where a role word does not vouch for it);
    ``heading_guard`` asks it of a name glued to its role, for a line that
    may be a column heading ("记者手记") rather than a byline ("记者文浩").

    >>> parse_people("记者 张三 李四 通讯员 王五")
    (['张三', '李四'], ['王五'])
    >>> parse_people("全媒体记者 张三 实习生 李四")
    (['张三'], ['李四'])
    >>> parse_people("记者文浩 许诺")
    (['文浩', '许诺'], [])
    >>> parse_people("本报记者  江  平  许  诺")
    (['江平', '许诺'], [])
    >>> parse_people("编辑:张三 审核编辑:李四")
    ([], [])
    """
    groups: dict[str, list[tuple[str, bool]]] = {"author": [], "other": []}
    role = "author"
    toks = _tokens(GLUED_ROLE.sub(r"\1 \2", SOURCE_NOTE.sub("", inner.strip())))
    for i, (tok, sep) in enumerate(toks):
        prev_sep = toks[i - 1][1] if i else ""
        if tok in SHORT_ROLES and ("/" in sep or ":" in sep or "：" in sep or "/" in prev_sep
                                   or (i == 0 and len(toks) > 1 and len(toks[1][0]) > 1)):
            role = "author"
            continue
        credited = CREDITED_NAME.fullmatch(tok)
        if credited and has_surname(credited.group(1)):  # "李某摄影报道": a name, then what the person did
            tok = credited.group(1)
        outlet = OUTLET_ROLE.search(tok) if len(tok) > 3 and not credited else None
        if outlet and not role_split(tok):  # "农民日报·中国农网见习记者 X": the outlet and the role, then the name
            role = "other" if outlet.group(1) in CORRESPONDENT_ROLES else "author"
            continue
        split = role_split(tok)
        if split:
            word, tok = split
            role = "editor" if word in EDITOR_ROLES else "other" if word in CORRESPONDENT_ROLES else "author"
            if not tok:
                continue
            if heading_guard and not has_surname(tok):  # "记者手记" is a heading, "记者文浩" a byline
                continue
        for suffix in ("报道", "摄影", "摄"):
            if tok.endswith(suffix) and len(tok) - len(suffix) >= 2:
                tok = tok[:-len(suffix)]
        if role == "editor" or tok in NOT_NAMES:
            continue
        if len(tok) == 1 and "\u4e00" <= tok <= "\u9fff":
            groups[role].append((tok, bool(sep) and sep.strip() == ""))
        elif re.fullmatch(NAME, tok) and (not strict or has_surname(tok)):
            groups[role].append((tok, False))
    reporters = [n for n in _join_spaced(groups["author"]) if re.fullmatch(NAME, n)]
    others = [n for n in _join_spaced(groups["other"]) if re.fullmatch(NAME, n)]
    if strict:
        reporters = [n for n in reporters if has_surname(n)]
        others = [n for n in others if has_surname(n)]
    return reporters, others


def _has_role(inner: str) -> bool:
    return bool(re.search(r"记者|通讯员|作者|实习生|撰稿|摄影|(?:^|[\s(（])(?:文|图)\s*[/:：]", inner))


def dateline_byline(par: str) -> tuple[list[str], list[str]] | None:
    """Reporters and correspondents of a dateline that starts ``par`` ("本报讯(记者 X)…"), else None."""
    m = DATELINE.match(par)
    if m and _has_role(m.group(1)):
        people = parse_people(m.group(1))
        if people[0] or people[1]:
            return people
    people = names_alone(m.group(1)) if m else None  # "中国法院网讯 (甲 乙)": names alone in the brackets
    if people:
        return people
    m = DATELINE_BARE.match(par) or BRACKET_LEAD.match(par)
    if m:
        people = parse_people(m.group(1))
        if people[0] or people[1]:
            return people
    m = LEAD_BYLINE.match(par)
    if m and len(par) > m.end():
        people = parse_people(m.group(1), heading_guard=True)
        if people[0] or people[1]:
            return people
    return None


def starts_item(par: str) -> bool:
    """Whether ``par`` opens a news item with a dateline, with or without a byline."""
    return bool(ITEM_START.match(par)) or dateline_byline(par) is not None


def dateline_end(par: str) -> int:
    """Offset in ``par`` just after its dateline and byline (0 when it has none)."""
    for rx in (DATELINE, DATELINE_BARE, BRACKET_LEAD, LEAD_BYLINE):
        m = rx.match(par)
        if m:
            return m.end()
    return 0


# a township's correspondent credited in brackets on a line of its own: "(青禾镇林晓雯)", "（青禾镇 林晓雯）"
UNIT_CREDIT = re.compile(r"^[(（]\s*[\u4e00-\u9fff]{2,8}?(?:镇|乡|街道)\s*([\u4e00-\u9fff]{2,3})\s*[)）]$")


def byline_line(par: str) -> tuple[list[str], list[str]] | None:
    """Reporters and correspondents when the whole of ``par`` is a byline ("本报记者 X Y"), else None."""
    unit = UNIT_CREDIT.match(par.strip())
    if unit and has_surname(unit.group(1)) and _reads_as_name(unit.group(1)):
        return [], [unit.group(1)]
    if len(par) > 80 or not ROLE_START.match(par) or re.search(r"提供|拍摄|供图", par):
        return None
    inner = SOURCE_NOTE.sub("", par).strip().lstrip(MARKS + "•▪—-").strip()
    if inner[:1] in "(（【[" and inner[-1:] in ")）】]":
        inner = inner[1:-1]
    # every token must be a role or a name
    for tok, _sep in _tokens(inner):
        if tok in SHORT_ROLES or tok in NOT_NAMES or role_split(tok) or re.fullmatch(NAME, tok) \
                or (len(tok) == 1 and "\u4e00" <= tok <= "\u9fff"):
            continue
        return None
    if is_editor_line(inner):
        return None
    people = parse_people(inner, heading_guard=True)
    return people if people[0] or people[1] else None


def is_bracketed(par: str) -> bool:
    """A paragraph wholly inside brackets ("(通讯员 X 记者 Y)") or behind a mark ("□本报记者 X")."""
    p = SOURCE_NOTE.sub("", par).strip()
    return (p[:1] in "(（【[" and p[-1:] in ")）】]") or p[:1] in MARKS


# "作者:林晓雯 来源:云溪日报 发布时间:2024-05-08": a web page's line of facts about the article
META_KEY = re.compile(r"(?:来源|发布时间|发布日期|时间|日期|浏览|点击|阅读|字号|编辑|责任编辑|信息来源|供稿)\s*[:：]")
META_AUTHOR = re.compile(r"(?:^|\s|\|)(?:作者|记者|撰稿|文)\s*(?:[:：]|\s)\s*([^:：|]{2,40}?)\s*(?=$|[|]|\s\S{1,6}[:：])")
# "作者:县委宣传部": a body that supplied the item, not a person
BODY_AS_AUTHOR = re.compile(r"^.{2,}(?:部|局|委|办|中心|站|院|所|厅|室|组|馆|社|台|网|报|政府|公司)$")


def is_meta_line(par: str) -> bool:
    """A line of article facts: it starts with one key ("来源:…") or holds two ("作者:X 发布时间:…")."""
    return len(par) <= 150 and (bool(META_KEY.match(par.strip())) or len(META_KEY.findall(par)) >= 2)


def meta_line_people(par: str) -> list[str] | None:
    """Authors on a web page's line of article facts ("作者:X 来源:Y 发布时间:…"), else None."""
    if len(par) > 150 or not META_KEY.search(par):
        return None
    m = META_AUTHOR.search(par)
    if not m:
        # "陈某某    发布时间:…  来源:…": the author's name alone, set apart before the facts
        bare = re.match(r"^\s*([\u4e00-\u9fff]{2,4})\s{2,}(?=\S{2,6}\s*[:：])", par)
        return [bare.group(1)] if bare and has_surname(bare.group(1)) and _reads_as_name(bare.group(1)) else None
    reporters, others = parse_people(m.group(1))
    # "作者:县委宣传部": a body that supplied the item, not a person
    return [n for n in reporters + others if not BODY_AS_AUTHOR.search(n)] or None


def trailing_byline(par: str) -> tuple[list[str], list[str]] | None:
    """A byline closing ``par`` ("…。(记者:X)", "(作者:X Y)", "…。文/本报记者 X (责任编辑:Y)"), else None."""
    par = EDITOR_TAIL.sub("", par)
    m = TRAILING.search(par)
    if m:
        people = parse_people(m.group(1))
        return people if people[0] or people[1] else None
    m = TRAILING_BARE.search(par)
    if m:
        people = parse_people(m.group(1), strict=True)
        return people if people[0] or people[1] else None
    m = TRAILING_NAMES.search(par)
    return names_alone(m.group(1)) if m else None


# credits written name first: "林某 陈某/文", "(周某/文 关某/图)", "许某/摄"
POSTFIX_ROLES = "文图|文|图|摄影|摄|整理"
POSTFIX_CREDIT = re.compile(rf"(?:^|[。!?！？”]\s*)[(（]?\s*((?:{NAME}(?:[\s、]+{NAME})*\s*/\s*(?:{POSTFIX_ROLES})\s*)+)"
                            r"[)）]?\s*$")


def postfix_credit(par: str) -> tuple[list[str], list[str]] | None:
    """Writers and photographers of a credit written name first, alone on its line or in brackets closing a
    paragraph ("林某 陈某/文", "…。(周某/文 关某/图)"), each name reading as a person's; else None."""
    m = POSTFIX_CREDIT.search(EDITOR_TAIL.sub("", par.strip()))
    if not m:
        return None
    writers: list[str] = []
    photographers: list[str] = []
    for names, role in re.findall(rf"([^/]+?)\s*/\s*({POSTFIX_ROLES})", m.group(1)):
        found = names_alone(names)
        if found is None:
            return None
        for name in found[0] + found[1]:
            if role.startswith(("文", "整理")):  # "(某某/整理)": who compiled the items
                writers.append(name)
            if role not in ("文", "整理"):
                photographers.append(name)
    return (writers, photographers) if writers or photographers else None


def is_editor_line(par: str) -> bool:
    """A credit line of editors ("责任编辑:X", "(编辑:X 审核编辑:Y)", "统筹丨X")."""
    return len(par) <= 80 and bool(EDITOR_LINE.match(par.strip()))


def photo_credit(par: str) -> list[str] | None:
    """Photographers credited at the end of ``par`` ("■本报记者 X", "(记者 X 摄)", "X摄(某某视觉)")."""
    m = MARKED_CREDIT.search(par)
    if m:
        names = parse_people(m.group(1))[0]
        if names:
            return names
    m = SHE_CREDIT.search(par)
    if m and not m.group(2).endswith(NOT_PHOTOGRAPHER_END):
        names = parse_people(m.group(2), strict=not m.group(1))[0]
        if names:
            return names
    return None


def page_photo_credit(par: str) -> list[str] | None:
    """Photographers of "本版图片由记者X、Y提供" (a credit for the page's pictures), else None."""
    m = PAGE_PHOTO.search(par)
    if not m:
        return None
    names = parse_people(re.sub(r"[和及]", "、", m.group(2)), strict=not m.group(1))[0]
    return names or None


def is_credit_line(par: str) -> bool:
    """A short line that credits people (byline, photo credit, editors): never a headline or body text."""
    if len(par) > 80:
        return False
    if is_editor_line(par) or is_meta_line(par) or byline_line(par) is not None \
            or meta_line_people(par) is not None:
        return True
    if page_photo_credit(par) is not None and len(par) <= 40:
        return True
    credit = photo_credit(par)
    return credit is not None and len(par) <= 30


# lines of the page, not of an article: a page header ("云溪日报 2024年5月8日 星期三 第3版"), an edition
# label ("第3版:要闻"), a breadcrumb ("首页 > 新闻中心 > 本地新闻"); a headline with a date in it is none
_EDITION = r"第\s*[0-9一二三四五六七八九十]+\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff]{0,8})?"
_DATE = r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
FURNITURE = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{2,10}}(?:报|刊|网|台)\s*)?{_DATE}\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*"
    rf"(?:星期[一二三四五六日天]|周[一二三四五六日天])?"
    rf"\s*(?:农历\S{{2,10}})?\s*(?:{_EDITION})?\s*$"
    rf"|^(?:[\u4e00-\u9fff]{{2,10}}(?:报|刊)\s*)?{_EDITION}\s*(?:{_DATE}.{{0,10}})?$"
    # a running head of a PDF page: the date, then the paper's name ("2024年5月8日 云溪日报")
    rf"|^{_DATE}\s*(?:星期[一二三四五六日天]\s*)?[\u4e00-\u9fff]{{2,10}}(?:报|刊)$"
    # an edition label opening the page's credit line ("第2版 责任编辑:X 版式设计:Y")
    rf"|^{_EDITION}\s+(?:责任编辑|编辑|责编|版式|美编|校对)"
    # any paper's name ("临泽新闻 2024年3月10日 星期日"): a date set apart from it and a weekday or edition after
    rf"|^[\u4e00-\u9fff]{{2,12}}\s+{_DATE}\s*(?:(?:星期[一二三四五六日天]|周[一二三四五六日天])\s*(?:农历\S{{2,10}})?"
    rf"\s*(?:{_EDITION})?|{_EDITION})\s*$"
    r"|^(?:当前位置|您的位置|你的位置|首页)\s*[:：>»›]|[>»›]\s*[^>»›]{1,12}\s*[>»›]"
)


def is_furniture(par: str) -> bool:
    """A line of the page itself (date header, edition label, breadcrumb), not of an article."""
    return len(par) <= 50 and bool(FURNITURE.search(par))
