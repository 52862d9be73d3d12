"""工作人员: the exam's staff, filtered by home center and role, with a staff member's
details and their duties beside the table."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

from examdesk.services.rows.duties import DutyRow
from examdesk.services.rows.staff import StaffRow, staff_rows
from ui.window.pages import PageContext
from ui.window.pages.listing import Exporter, ListPage
from ui.window.tables import Column, RowKind, RowTable

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.exams import ExamRef



class StaffPage(ListPage[StaffRow]):
    """The 工作人员 area (see the module's docstring); :meth:`select` takes a staff ID."""

    duties_view: QTableView

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        # the duties of the staff member shown, read when they are selected
        self.duties: RowTable[DutyRow] | None = None
        super().__init__(context, parent)
        self.duties = RowTable(self.duty_kind(), self)
        self.duties_title = QLabel(self.tr("Their duties"))
        self.duties_view = QTableView()
        self.duties_view.setObjectName("duties")
        self.duties_view.setModel(self.duties)
        self.duties_view.verticalHeader().setVisible(False)
        self.duties_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duties_view.horizontalHeader().setStretchLastSection(True)
        self.details_extra.addWidget(self.duties_title)
        self.details_extra.addWidget(self.duties_view, 1)
        self.details_layout.setStretchFactor(self.details_extra, 1)
        self.details_layout.setStretch(self.details_layout.count() - 1, 0)
        self._duties_of: int | None = None

    def facet_titles(self) -> Mapping[str, str]:
        return {"center": self.tr("Home center"), "role": self.tr("Role")}

    def duty_kind(self) -> RowKind[DutyRow]:
        return RowKind[DutyRow](
            key=lambda d: d.duty_id,
            columns=[
                Column(self.tr("Session"), lambda d: d.session),
                Column(self.tr("Center"), lambda d: d.center),
                Column(self.tr("Place"), lambda d: d.place),
                Column(self.tr("Role"), lambda d: d.role_text),
            ],
            search=lambda d: (d.search_name, d.search_fields),
        )

    def search_hint(self) -> str:
        return self.tr("Search: name, pinyin initials, ID number, work unit, phone...")

    def read_rows(self, session: Session, exam: ExamRef,
                  ids: Collection[int] | None = None) -> list[StaffRow]:
        return staff_rows(session, exam, ids=ids)

    def changed_keys(self, changes: object) -> Collection[int] | None:
        from examdesk.services.candidate_edits import CandidateChanges
        from examdesk.services.exports import ExportResult

        if isinstance(changes, ExportResult | CandidateChanges):
            return ()
        return None

    def exporter(self) -> tuple[Exporter, str]:
        from examdesk.services.exports import export_staff

        return export_staff, self.tr("staff.xlsx")

    def details_of(self, row: StaffRow) -> tuple[str, Sequence[tuple[str, str]]]:
        self._read_duties(row.staff_id)
        return row.name, [
            (self.tr("Name"), row.name),
            (self.tr("Gender"), row.gender_label),
            (self.tr("ID number"), row.id_number),
            (self.tr("Work unit"), row.work_unit),
            (self.tr("Phone"), row.phone),
            (self.tr("Roles"), row.roles_text),
            (self.tr("Home center"), f"{row.home_center_code} {row.home_center}".strip()),
            (self.tr("Relatives"), row.relatives_text or "—"),
            (self.tr("Duty count"), str(row.duties)),
        ]

    def show_details(self, row: StaffRow | None) -> None:
        if row is None and self.duties is not None:
            self._duties_of = None
            self.duties.set_rows([])
        super().show_details(row)

    def _read_duties(self, staff_id: int) -> None:
        exam = self.exam
        if exam is None or self.duties is None:
            return
        self._duties_of = staff_id

        def work(session: Session, _progress: object, _cancelled: object) -> list[DutyRow]:
            from examdesk.services.rows.duties import duty_rows

            return duty_rows(session, exam, staff_id=staff_id)

        self.context.operations.read(self.tr("Reading the duties"), work,
                                     on_success=lambda rows: self._show_duties(staff_id, rows))

    def row_kind(self) -> RowKind[StaffRow]:
        return RowKind[StaffRow](
            key=lambda r: r.staff_id,
            columns=[
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Gender"), lambda r: r.gender_label),
                Column(self.tr("ID number"), lambda r: r.id_number),
                Column(self.tr("Work unit"), lambda r: r.work_unit),
                Column(self.tr("Phone"), lambda r: r.phone),
                Column(self.tr("Roles"), lambda r: r.roles_text),
                Column(self.tr("Home center"), lambda r: r.home_center),
                Column(self.tr("Duties"), lambda r: str(r.duties), sort_key=lambda r: r.duties,
                       numeric=True),
            ],
            search=lambda r: (r.search_name, r.search_fields),
            facets={
                "center": lambda r: r.home_center or "—",
                "role": lambda r: r.roles_text or "—",
            },
        )

    def _show_duties(self, staff_id: int, rows: list[DutyRow]) -> None:
        if self.duties is not None and staff_id == self._duties_of:
            self.duties.set_rows(rows)
            self.duties_view.resizeColumnsToContents()
