"""The longest names and locations the importer accepts, to print on every sheet.

A name may have :data:`NAME_LENGTH` characters (a candidate's or a staff member's), a room's
building and classroom what ``LENGTHS`` allows; the sheets must print them whole and readable.
"""

from __future__ import annotations

from examdesk.exchange.rooms import LENGTHS
from examdesk.exchange.rowcheck import NAME_LENGTH
from examdesk.services.printing import location

#: A passport name in capitals (as the machine-readable zone writes it), as long as accepted.
LATIN_NAME = ("MARIA DEL CARMEN GUADALUPE ALEJANDRA FERNANDEZ DE LA SANTISIMA TRINIDAD RODRIGUEZ "
              "MONTOYA VILLALOBOS")
#: A Uyghur name in Chinese transliteration: the person's, father's and grandfather's names.
UYGHUR_NAME = "阿卜杜热合曼·买买提艾力·吐尔逊·阿不都热依木"
#: The longest building and classroom, and a floor between them.
BUILDING = ("周口市川汇区第一高级中学新校区东区综合实验教学楼（逸夫楼）北翼A座" * 2)[
    : LENGTHS["building"]]
CLASSROOM = ("第三多媒体阶梯教室（原物理化学生物联合实验室）东侧隔间" * 2)[: LENGTHS["classroom"]]
LOCATION = location(BUILDING, 3, CLASSROOM)

assert len(LATIN_NAME) == NAME_LENGTH and len(UYGHUR_NAME) > 20
