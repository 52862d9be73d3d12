"""Violations coded to the regulation (its acts seeded as data), their evidence, the
medical post's log; incidents get issue 14's kinds, people, a status and a reporter name

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

The acts are those of candidates (应试人员) in 专业技术人员资格考试违纪违规行为处理规定
(人力资源社会保障部令第31号, 2017), articles 6 to 9 (docs/violations.md says what the list
was checked against). A revised regulation adds its acts under its own name and retires
these: a data update.

Nothing wrote incidents before this revision; the table is made anew (its rows, if any,
copied with the old kinds mapped to the new ones) since SQLite cannot change a CHECK.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

REGULATION = '人社部令第31号'

SUBJECT_VOID = '当次该科目考试成绩无效'
ALL_VOID_5Y = '当次全部科目考试成绩无效，记入专业技术人员资格考试诚信档案库，记录期限五年'
ALL_VOID_LONG = '当次全部科目考试成绩无效，记入专业技术人员资格考试诚信档案库，长期记录'
REMOVED = ('终止其继续参加考试，责令离开考场；情节严重的按第七条、第八条处理；'
           '违反治安管理处罚法等的交公安机关处理')

CONSEQUENCES = {6: ('subject_void', SUBJECT_VOID), 7: ('all_void_5y', ALL_VOID_5Y),
                8: ('all_void_long', ALL_VOID_LONG), 9: ('removed', REMOVED)}

# (article, item, wording): 第六条 to 第九条, the acts of candidates during the exam.
ACTS = (
    (6, 1, '携带通讯工具、规定以外的电子用品或者与考试内容相关的资料进入座位，经提醒仍不改正的'),
    (6, 2, '经提醒仍不按规定书写、填涂本人身份和考试信息的'),
    (6, 3, '在试卷、答题纸、答题卡规定以外位置标注本人信息或者其他特殊标记的'),
    (6, 4, '未在规定座位参加考试，或者未经考试工作人员允许擅自离开座位或者考场，经提醒仍不改正的'),
    (6, 5, '未用规定的纸、笔作答，或者试卷前后作答笔迹不一致的'),
    (6, 6, '在考试开始信号发出前答题，或者在考试结束信号发出后继续答题的'),
    (6, 7, '将试卷、答题卡、答题纸带出考场的'),
    (6, 8, '故意损坏试卷、答题纸、答题卡、电子化系统设施的'),
    (6, 9, '未按规定使用考试系统，经提醒仍不改正的'),
    (6, 10, '其他应当给予当次该科目考试成绩无效处理的违纪违规行为'),
    (7, 1, '抄袭、协助他人抄袭试题答案或者与考试内容相关资料的'),
    (7, 2, '互相传递试卷、答题纸、答题卡、草稿纸等的'),
    (7, 3, '持伪造证件参加考试的'),
    (7, 4, '本人离开考场后，在考试结束前，传播考试试题及答案的'),
    (7, 5, '使用禁止带入考场的通讯工具、规定以外的电子用品的'),
    (7, 6, '其他应当给予当次全部科目考试成绩无效处理的严重违纪违规行为'),
    (8, 1, '串通作弊或者参与有组织作弊的'),
    (8, 2, '代替他人或者让他人代替自己参加考试的'),
    (8, 3, '其他情节特别严重、影响恶劣的违纪违规行为'),
    (9, 1, '故意扰乱考点、考场等考试工作场所秩序的'),
    (9, 2, '拒绝、妨碍考试工作人员履行管理职责的'),
    (9, 3, '威胁、侮辱、诽谤、诬陷工作人员或者其他应试人员的'),
    (9, 4, '其他扰乱考试管理秩序的行为'),
)

OLD_KINDS = {'cheating': 'other', 'paper': 'paper', 'illness': 'medical',
             'late_arrival': 'other', 'disturbance': 'other', 'equipment': 'equipment',
             'other': 'other'}

INCIDENT_KINDS = ('medical', 'paper', 'equipment', 'public_opinion', 'other')


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True,
                   length=max(len(v) for v in values) + 8)


def _create_incidents() -> None:
    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.BigInteger(), server_default=sa.text('1'), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('kind', _enum('incidentkind', *INCIDENT_KINDS), nullable=False),
    sa.Column('people', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('action_taken', sa.Text(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reported_by', sa.String(length=100), nullable=False),
    sa.Column('reported_by_id', sa.Integer(), nullable=True),
    sa.Column('status', _enum('incidentstatus', 'open', 'closed'), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=100), nullable=False),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_incidents_candidate_id_candidates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_incidents_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_incidents_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_incidents_reported_by_id_users')),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_incidents_room_id_rooms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_incidents_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents'))
    )
    op.create_index(op.f('ix_incidents_exam_id'), 'incidents', ['exam_id'], unique=False)
    _create_version_trigger('incidents')


def _create_version_trigger(table: str) -> None:
    """Every UPDATE moves the row's version, as 0009's triggers do (its function on
    PostgreSQL)."""
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f"""
            CREATE TRIGGER {table}_version BEFORE UPDATE ON {table} FOR EACH ROW
            WHEN (NEW.version = OLD.version) EXECUTE FUNCTION examdesk_next_version()""")
    else:
        op.execute(f"""
            CREATE TRIGGER {table}_version AFTER UPDATE ON {table} FOR EACH ROW
            WHEN NEW.version = OLD.version
            BEGIN UPDATE {table} SET version = OLD.version + 1 WHERE id = NEW.id; END""")


def upgrade() -> None:
    connection = op.get_bind()
    old = [dict(row._mapping) for row in connection.execute(sa.text('SELECT * FROM incidents'))]
    op.drop_index(op.f('ix_incidents_exam_id'), table_name='incidents')
    op.drop_table('incidents')
    _create_incidents()
    if old:
        incidents = sa.table('incidents', *(sa.column(name) for name in (
            'id', 'version', 'exam_id', 'center_id', 'room_id', 'session_id', 'candidate_id',
            'kind',
            'people', 'description', 'action_taken', 'occurred_at', 'reported_by',
            'reported_by_id', 'status', 'closed_by', 'severity')))
        op.bulk_insert(incidents, [
            {**{key: row[key] for key in ('id', 'exam_id', 'center_id', 'room_id',
                                          'session_id', 'candidate_id', 'description',
                                          'action_taken', 'occurred_at', 'reported_by_id',
                                          'severity')},
             'kind': OLD_KINDS.get(row['kind'], 'other'), 'people': '', 'reported_by': '',
             'version': 1,
             'status': 'open', 'closed_by': ''} for row in old])

    acts = op.create_table('violation_acts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('regulation', sa.String(length=100), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('article', sa.Integer(), nullable=False),
    sa.Column('item', sa.Integer(), nullable=False),
    sa.Column('wording', sa.Text(), nullable=False),
    sa.Column('consequence', sa.Text(), nullable=False),
    sa.Column('consequence_code', sa.String(length=32), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_violation_acts')),
    sa.UniqueConstraint('regulation', 'code', name=op.f('uq_violation_acts_regulation_code'))
    )
    op.bulk_insert(acts, [
        {'regulation': REGULATION, 'code': f'{article}.{item}', 'article': article,
         'item': item, 'wording': wording, 'consequence': CONSEQUENCES[article][1],
         'consequence_code': CONSEQUENCES[article][0], 'retired': False}
        for article, item, wording in ACTS])

    op.create_table('violations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.BigInteger(), server_default=sa.text('1'), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('seat_no', sa.Integer(), nullable=False),
    sa.Column('ticket_no', sa.String(length=32), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('act_id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('invigilator1_id', sa.Integer(), nullable=True),
    sa.Column('invigilator2_id', sa.Integer(), nullable=True),
    sa.Column('signature', _enum('signature', 'signed', 'refused'), nullable=True),
    sa.Column('witness', sa.String(length=100), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['act_id'], ['violation_acts.id'], name=op.f('fk_violations_act_id_violation_acts')),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_violations_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_violations_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_violations_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invigilator1_id'], ['staff.id'], name=op.f('fk_violations_invigilator1_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['invigilator2_id'], ['staff.id'], name=op.f('fk_violations_invigilator2_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_violations_room_id_rooms'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_violations_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_violations'))
    )
    op.create_index(op.f('ix_violations_exam_id'), 'violations', ['exam_id'], unique=False)
    op.create_index(op.f('ix_violations_candidate_id'), 'violations', ['candidate_id'],
                    unique=False)
    _create_version_trigger('violations')

    op.create_table('violation_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('violation_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['violation_id'], ['violations.id'], name=op.f('fk_violation_evidence_violation_id_violations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_violation_evidence'))
    )
    op.create_index(op.f('ix_violation_evidence_violation_id'), 'violation_evidence',
                    ['violation_id'], unique=False)

    op.create_table('medical_visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('person', sa.String(length=100), nullable=False),
    sa.Column('treated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('complaint', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('returned', sa.Boolean(), nullable=True),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_medical_visits_candidate_id_candidates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_medical_visits_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_medical_visits_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_medical_visits_session_id_exam_sessions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medical_visits'))
    )
    op.create_index(op.f('ix_medical_visits_exam_id'), 'medical_visits', ['exam_id'],
                    unique=False)


def downgrade() -> None:
    for table in ('medical_visits', 'violation_evidence', 'violations', 'violation_acts'):
        op.drop_table(table)
    # back to 0002's incidents (their rows go: no revision before this one wrote any)
    op.drop_index(op.f('ix_incidents_exam_id'), table_name='incidents')
    op.drop_table('incidents')
    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('kind', _enum('incidentkind', *OLD_KINDS), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('action_taken', sa.Text(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reported_by_id', sa.Integer(), nullable=False),
    sa.Column('severity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_incidents_candidate_id_candidates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['center_id'], ['test_centers.id'], name=op.f('fk_incidents_center_id_test_centers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_incidents_exam_id_exams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_incidents_reported_by_id_users')),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_incidents_room_id_rooms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_incidents_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents'))
    )
    op.create_index(op.f('ix_incidents_exam_id'), 'incidents', ['exam_id'], unique=False)
