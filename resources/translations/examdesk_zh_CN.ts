<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Abbreviations</name>
    <message>
        <source>“{abbreviation}” is already how {other} is written; one abbreviation cannot stand for both {other} and {name}.</source>
        <translation>“{abbreviation}”已是{other}的写法；同一个简称不能同时代表{other}和{name}。</translation>
    </message>
    <message>
        <source>“{abbreviation}” is the name, short name or code of {name}, which stay accepted; only abbreviations can be removed.</source>
        <translation>“{abbreviation}”是{name}的名称、简写或代码，始终可以使用；只能删除简称。</translation>
    </message>
    <message>
        <source>“{abbreviation}” is not an abbreviation of {name}; its abbreviations are: {listed}.</source>
        <translation>“{abbreviation}”不是{name}的简称；它的简称有：{listed}。</translation>
    </message>
    <message>
        <source>Write the abbreviation, e.g. 社工师.</source>
        <translation>请填写简称，例如 社工师。</translation>
    </message>
    <message>
        <source>An abbreviation has at most {most} characters; “{abbreviation}” has {length}.</source>
        <translation>简称最多 {most} 个字符；“{abbreviation}”有 {length} 个。</translation>
    </message>
    <message>
        <source>“{abbreviation}” cannot be a subject&apos;s abbreviation: a list of subjects is split at spaces and at 、 , ; / |, so it would never match.</source>
        <translation>“{abbreviation}”不能作为科目简称：科目列表会在空格和 、 , ; / | 处拆分，这个简称永远无法匹配。</translation>
    </message>
    <message>
        <source>Level {level} has no subject written “{subject}”; its subjects are {subjects}.</source>
        <translation>级别 {level} 没有写作“{subject}”的科目；其科目有：{subjects}。</translation>
    </message>
    <message>
        <source>“{target}” could mean {names}; write the full name, or the level&apos;s and subject&apos;s codes as LEVEL/SUBJECT: {codes}.</source>
        <translation>“{target}”可能是指 {names}；请写全称，或按“级别/科目”的格式写级别代码和科目代码：{codes}。</translation>
    </message>
    <message>
        <source>No level or subject of the exam is written “{target}”; the levels are {levels}.</source>
        <translation>本次考试没有写作“{target}”的级别或科目；级别有：{levels}。</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change the plan</source>
        <translation>修改编排</translation>
    </message>
    <message>
        <source>do exam-day work</source>
        <translation>办理考试当天事务</translation>
    </message>
    <message>
        <source>read personal data</source>
        <translation>读取个人信息</translation>
    </message>
    <message>
        <source>print or export personal data</source>
        <translation>打印或导出个人信息</translation>
    </message>
    <message>
        <source>read the plan</source>
        <translation>查看编排</translation>
    </message>
    <message>
        <source>User {user} may not {what}.</source>
        <translation>用户 {user} 无权{what}。</translation>
    </message>
    <message>
        <source>User {user} may not {what} in this exam.</source>
        <translation>用户 {user} 无权在本次考试中{what}。</translation>
    </message>
    <message>
        <source>User {user} may not {what} at test center {center}.</source>
        <translation>用户 {user} 无权在考点 {center} {what}。</translation>
    </message>
    <message>
        <source>Only a planner or an administrator may change the plan; you are signed in as {user}.</source>
        <translation>只有编排员或管理员可以修改编排；您当前登录的用户是 {user}。</translation>
    </message>
    <message>
        <source>Your role does not allow exporting personal data; you are signed in as {user}.</source>
        <translation>您的角色不能导出个人信息；您当前登录的用户是 {user}。</translation>
    </message>
    <message>
        <source>User {user} may not read the audit trail.</source>
        <extracomment>Events a page of the 审计 list holds. The roles that may read the trail (issue 13: administrators and planners).</extracomment>
        <translation>用户 {user} 无权查看审计记录。</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>编排员</translation>
    </message>
    <message>
        <source>Center desk</source>
        <translation>考点值班</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Empty: every exam</source>
        <translation>留空：全部考试</translation>
    </message>
    <message>
        <source>Empty: every center; else codes, e.g. 01 02</source>
        <translation>留空：全部考点；否则填考点代码，例如 01 02</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Exam code:</source>
        <translation>考试代码：</translation>
    </message>
    <message>
        <source>Test centers:</source>
        <translation>考点：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Centers and rooms</source>
        <translation>考点考场</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Seating plan</source>
        <translation>编排</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Posts and supplies</source>
        <translation>岗位物资</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Exam day</source>
        <translation>考务日</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>{count} of {expected} candidates are not marked present, late or absent.</source>
        <translation>应考 {expected} 人中有 {count} 人未标记到场、迟到或缺考。</translation>
    </message>
    <message>
        <source>The answer sheets handed in are not entered.</source>
        <translation>尚未填写收回的答题卡数。</translation>
    </message>
    <message>
        <source>{sheets} answer sheets were handed in, but {sat} candidates sat the paper (present and late).</source>
        <translation>收回答题卡 {sheets} 份，但实考 {sat} 人（到场与迟到）。</translation>
    </message>
    <message>
        <source>Exam {exam} has no such session.</source>
        <translation>考试 {exam} 中没有该场次。</translation>
    </message>
    <message>
        <source>Nobody sits a paper in room {room} in session {session}.</source>
        <translation>考场 {room} 在场次 {session} 中没有考生应考。</translation>
    </message>
    <message>
        <source>No temporary ID certificate of exam {exam} has the number {serial}.</source>
        <translation>考试 {exam} 没有编号为 {serial} 的临时身份证明。</translation>
    </message>
    <message>
        <source>Temporary ID certificate {serial} was voided: the candidate needs a valid one to sit.</source>
        <translation>临时身份证明 {serial} 已作废：考生须持有效证明方可参加考试。</translation>
    </message>
    <message>
        <source>Temporary ID certificate {serial} does not cover session {session}.</source>
        <translation>临时身份证明 {serial} 不适用于场次 {session}。</translation>
    </message>
    <message>
        <source>The holder of temporary ID certificate {serial} sits no paper in room {room} in session {session}.</source>
        <translation>临时身份证明 {serial} 的持证考生在场次 {session} 不在考场 {room} 考试。</translation>
    </message>
    <message>
        <source>No candidate of exam {exam} has the ticket number {ticket}.</source>
        <translation>考试 {exam} 中没有准考证号为 {ticket} 的考生。</translation>
    </message>
    <message>
        <source>The candidate with ticket {ticket} sits no paper in session {session}.</source>
        <translation>准考证号 {ticket} 的考生在场次 {session} 中没有科目。</translation>
    </message>
    <message>
        <source>Ticket {ticket} is not of room {room}: its candidate sits in room {other}.</source>
        <translation>准考证号 {ticket} 不属于考场 {room}：该考生在考场 {other}。</translation>
    </message>
    <message>
        <source>{count} of the candidates marked do not sit a paper in room {room} in session {session}.</source>
        <translation>所标记的考生中有 {count} 人不在场次 {session} 的考场 {room} 应考。</translation>
    </message>
    <message>
        <source>The answer sheets handed in must be a number from 0 to {expected}, the candidates expected in the room.</source>
        <translation>收回的答题卡数应为 0 到 {expected}（该考场应考人数）之间的数。</translation>
    </message>
    <message>
        <source>The papers of room {room} in session {session} are sealed already.</source>
        <translation>考场 {room} 场次 {session} 的试卷已封存。</translation>
    </message>
    <message>
        <source>Room {room}, session {session} does not reconcile: {problems} Correct the marks or the answer sheets, or give the reason to seal it as it is.</source>
        <translation>考场 {room} 场次 {session} 核对不符：{problems}请更正考勤或答题卡数，或说明原因后按现状封存。</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Everyone present</source>
        <translation>全部到场</translation>
    </message>
    <message>
        <source>Ticket or certificate number, then Enter</source>
        <translation>准考证号或证明编号，回车</translation>
    </message>
    <message>
        <source>A ticket number (or its last digits) takes the mark chosen beside it; the number of a temporary ID certificate (e.g. 01-0001), checked against its holder, marks them present on it.</source>
        <translation>输入准考证号（或其末几位）按右侧所选标记；输入临时身份证明编号（如 01-0001），表示已在考场核验持证人，记为凭证明到场。</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>未标记</translation>
    </message>
    <message>
        <source>present</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Save answer sheets</source>
        <translation>保存答题卡数</translation>
    </message>
    <message>
        <source>Reason to seal although the counts differ</source>
        <translation>核对不符仍要封存的原因</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封存</translation>
    </message>
    <message>
        <source>Answer sheets handed in</source>
        <translation>收回答题卡数</translation>
    </message>
    <message>
        <source>Reading the attendance</source>
        <translation>正在读取考勤</translation>
    </message>
    <message>
        <source>Reading the room</source>
        <translation>正在读取考场</translation>
    </message>
    <message>
        <source>Expected %1 · present %2 · late %3 · absent %4 · not marked %5</source>
        <translation>应考 %1 · 到场 %2 · 迟到 %3 · 缺考 %4 · 未标记 %5</translation>
    </message>
    <message>
        <source> · sealed</source>
        <translation> · 已封存</translation>
    </message>
    <message>
        <source>The counts reconcile.</source>
        <translation>核对无误。</translation>
    </message>
    <message>
        <source>Temporary ID certificates to check in the room: %1. Type the certificate&apos;s number once checked.</source>
        <translation>待在考场核验的临时身份证明：%1。核验后输入证明编号。</translation>
    </message>
    <message>
        <source>You may not mark attendance at this center.</source>
        <translation>您无权在该考点登记考勤。</translation>
    </message>
    <message>
        <source>Marking attendance</source>
        <translation>正在登记考勤</translation>
    </message>
    <message>
        <source>Checking the temporary ID</source>
        <translation>正在核验临时身份证明</translation>
    </message>
    <message>
        <source>No candidate of this room has the ticket number %1.</source>
        <translation>本考场没有准考证号为 %1 的考生。</translation>
    </message>
    <message>
        <source>Saving the answer sheets</source>
        <translation>正在保存答题卡数</translation>
    </message>
    <message>
        <source>Sealing the room&apos;s papers</source>
        <translation>正在封存考场试卷</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Candidate</source>
        <extracomment>The filter that keeps every event.</extracomment>
        <translation>考生</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Test center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Post template</source>
        <translation>岗位模板</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Supply rule</source>
        <translation>物资规则</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Temporary ID certificate</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>Doubtful record</source>
        <translation>存疑记录</translation>
    </message>
    <message>
        <source>Violation record</source>
        <translation>违纪记录</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>考务事件</translation>
    </message>
    <message>
        <source>Medical visit</source>
        <translation>医疗记录</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>咨询来电</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Change the exam&apos;s settings</source>
        <translation>修改考试设置</translation>
    </message>
    <message>
        <source>Add an abbreviation</source>
        <translation>新增简称</translation>
    </message>
    <message>
        <source>Remove an abbreviation</source>
        <translation>删除简称</translation>
    </message>
    <message>
        <source>Purge personal data</source>
        <translation>清除个人信息</translation>
    </message>
    <message>
        <source>Delete an exam</source>
        <translation>删除考试</translation>
    </message>
    <message>
        <source>Create the demo exam</source>
        <translation>创建演示考试</translation>
    </message>
    <message>
        <source>Load the demo exam</source>
        <translation>载入演示考试</translation>
    </message>
    <message>
        <source>Import candidates</source>
        <translation>导入考生</translation>
    </message>
    <message>
        <source>Import rooms</source>
        <translation>导入考场</translation>
    </message>
    <message>
        <source>Import staff</source>
        <translation>导入工作人员</translation>
    </message>
    <message>
        <source>Import posts</source>
        <translation>导入岗位</translation>
    </message>
    <message>
        <source>Import seating</source>
        <translation>导入座位编排</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <source>Add a candidate</source>
        <translation>新增考生</translation>
    </message>
    <message>
        <source>Change a candidate</source>
        <translation>修改考生</translation>
    </message>
    <message>
        <source>Delete a candidate</source>
        <translation>删除考生</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>新增工作人员</translation>
    </message>
    <message>
        <source>Change a staff member</source>
        <translation>修改工作人员</translation>
    </message>
    <message>
        <source>Delete a staff member</source>
        <translation>删除工作人员</translation>
    </message>
    <message>
        <source>Add a room</source>
        <translation>新增考场</translation>
    </message>
    <message>
        <source>Change a room</source>
        <translation>修改考场</translation>
    </message>
    <message>
        <source>Delete a room</source>
        <translation>删除考场</translation>
    </message>
    <message>
        <source>Change a center&apos;s route</source>
        <translation>修改考点交通路线</translation>
    </message>
    <message>
        <source>Allocate seats</source>
        <translation>编排座位</translation>
    </message>
    <message>
        <source>Seat a candidate</source>
        <translation>为考生安排座位</translation>
    </message>
    <message>
        <source>Move a candidate</source>
        <translation>调整考生座位</translation>
    </message>
    <message>
        <source>Swap two seats</source>
        <translation>互换座位</translation>
    </message>
    <message>
        <source>Withdraw a candidate</source>
        <translation>考生退考</translation>
    </message>
    <message>
        <source>Lock a room&apos;s seats</source>
        <translation>锁定考场座位</translation>
    </message>
    <message>
        <source>Unlock a room&apos;s seats</source>
        <translation>解锁考场座位</translation>
    </message>
    <message>
        <source>Roster duties</source>
        <translation>编排监考安排</translation>
    </message>
    <message>
        <source>Repair the roster</source>
        <translation>修复监考安排</translation>
    </message>
    <message>
        <source>Fill post duties</source>
        <translation>安排岗位人员</translation>
    </message>
    <message>
        <source>Draw invigilators&apos; rooms</source>
        <translation>监考抽签</translation>
    </message>
    <message>
        <source>Replace a staff member</source>
        <translation>替换工作人员</translation>
    </message>
    <message>
        <source>Lock a duty</source>
        <translation>锁定任务</translation>
    </message>
    <message>
        <source>Unlock a duty</source>
        <translation>解锁任务</translation>
    </message>
    <message>
        <source>Change a supply rule</source>
        <translation>修改物资规则</translation>
    </message>
    <message>
        <source>Make the standard posts</source>
        <translation>按标准岗位设岗</translation>
    </message>
    <message>
        <source>Add a post</source>
        <translation>新增岗位</translation>
    </message>
    <message>
        <source>Change a post</source>
        <translation>修改岗位</translation>
    </message>
    <message>
        <source>Remove a post</source>
        <translation>删除岗位</translation>
    </message>
    <message>
        <source>Set a standard post</source>
        <translation>设置标准岗位</translation>
    </message>
    <message>
        <source>Remove a standard post</source>
        <translation>删除标准岗位</translation>
    </message>
    <message>
        <source>Issue a temporary ID</source>
        <translation>开具临时身份证明</translation>
    </message>
    <message>
        <source>Void a temporary ID</source>
        <translation>作废临时身份证明</translation>
    </message>
    <message>
        <source>Let in as doubtful</source>
        <translation>存疑入场</translation>
    </message>
    <message>
        <source>Confirm an identity</source>
        <translation>确认身份</translation>
    </message>
    <message>
        <source>Mark attendance</source>
        <translation>标记考勤</translation>
    </message>
    <message>
        <source>Check temporary IDs in the room</source>
        <translation>考场核验临时身份证明</translation>
    </message>
    <message>
        <source>Enter answer sheets</source>
        <translation>登记答题卡数</translation>
    </message>
    <message>
        <source>Seal a room&apos;s papers</source>
        <translation>考场试卷封袋</translation>
    </message>
    <message>
        <source>Record a violation</source>
        <translation>记录违纪</translation>
    </message>
    <message>
        <source>Record the candidate&apos;s signature</source>
        <translation>登记考生签字</translation>
    </message>
    <message>
        <source>Report an incident</source>
        <translation>报告考务事件</translation>
    </message>
    <message>
        <source>Close an incident</source>
        <translation>关闭考务事件</translation>
    </message>
    <message>
        <source>Record a medical visit</source>
        <translation>登记医疗记录</translation>
    </message>
    <message>
        <source>Log a hotline call</source>
        <translation>登记咨询来电</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Export candidates</source>
        <translation>导出考生</translation>
    </message>
    <message>
        <source>Export rooms</source>
        <translation>导出考场</translation>
    </message>
    <message>
        <source>Export staff</source>
        <translation>导出工作人员</translation>
    </message>
    <message>
        <source>Export posts</source>
        <translation>导出岗位</translation>
    </message>
    <message>
        <source>Export seating</source>
        <translation>导出座位编排</translation>
    </message>
    <message>
        <source>Export duties</source>
        <translation>导出监考安排</translation>
    </message>
    <message>
        <source>Export supplies</source>
        <translation>导出物资</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>导出考勤</translation>
    </message>
    <message>
        <source>Export temporary IDs</source>
        <translation>导出临时身份证明</translation>
    </message>
    <message>
        <source>Export incidents</source>
        <translation>导出违纪及考务事件</translation>
    </message>
    <message>
        <source>Save an import&apos;s fix-up report</source>
        <translation>保存导入问题报告</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Grant a role</source>
        <translation>授予角色</translation>
    </message>
    <message>
        <source>Take a role away</source>
        <translation>收回角色</translation>
    </message>
    <message>
        <source>Enable a user</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Disable a user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Change a password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Lock out after wrong passwords</source>
        <translation>密码错误锁定</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>{name}: added the abbreviation {abbreviation}</source>
        <translation>{name}：新增简称 {abbreviation}</translation>
    </message>
    <message>
        <source>{name}: removed the abbreviation {abbreviation}</source>
        <translation>{name}：删除简称 {abbreviation}</translation>
    </message>
    <message>
        <source>Checked temporary IDs in room {room}, session {session}: {serials}</source>
        <translation>考场 {room} 场次 {session}：核验临时身份证明 {serials}</translation>
    </message>
    <message>
        <source>Marked {count} candidates of room {room} in session {session}</source>
        <translation>考场 {room} 场次 {session}：标记 {count} 人</translation>
    </message>
    <message>
        <source>Room {room}, session {session}: {count} answer sheets handed in</source>
        <translation>考场 {room} 场次 {session}：收回答题卡 {count} 份</translation>
    </message>
    <message>
        <source>Room {room}, session {session}: the count of answer sheets cleared</source>
        <translation>考场 {room} 场次 {session}：清除答题卡份数</translation>
    </message>
    <message>
        <source>Sealed the papers of room {room} in session {session}</source>
        <translation>考场 {room} 场次 {session}：试卷已封袋</translation>
    </message>
    <message>
        <source>Exported {count} audit events to {file}</source>
        <translation>导出审计记录 {count} 条至 {file}</translation>
    </message>
    <message>
        <source>Changed the phone of {name}</source>
        <translation>修改 {name} 的电话</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>新增 {name}</translation>
    </message>
    <message>
        <source>Changed {name}: {fields}</source>
        <translation>修改 {name}：{fields}</translation>
    </message>
    <message>
        <source>Deleted {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Deleted exam {code} with {candidates} candidates and {staff} staff; its {events} audit events stay</source>
        <extracomment>Henan&apos;s 17 prefecture-level cities with their ID address codes; Zhoukou first. code, date, start, end, subject codes, name (docs/domain.md, &quot;The reference exam&quot;) The demo&apos;s seating plan is always the same one. 11 digits: level, year, province, center, room within the center, seat. The common form&apos;s city field cannot tell the centers&apos; rooms apart; center codes are unique in the province.</extracomment>
        <translation>删除考试 {code}（考生 {candidates} 名，工作人员 {staff} 名）；其 {events} 条审计记录保留</translation>
    </message>
    <message>
        <source>Demo exam {code} without centers, candidates or staff</source>
        <translation>演示考试 {code}（无考点、考生和工作人员）</translation>
    </message>
    <message>
        <source>Demo exam {code} at scale {scale}</source>
        <translation>演示考试 {code}，规模 {scale}</translation>
    </message>
    <message>
        <source>{name} let in as doubtful: {reason}</source>
        <translation>{name} 存疑入场：{reason}</translation>
    </message>
    <message>
        <source>Identity confirmed by {name}</source>
        <translation>{name} 确认身份</translation>
    </message>
    <message>
        <source>Filled {count} post duties</source>
        <translation>安排岗位人员 {count} 项</translation>
    </message>
    <message>
        <source>Draw of center {center}, session {session}, seed {seed}</source>
        <translation>考点 {center} 场次 {session} 监考抽签，随机种子 {seed}</translation>
    </message>
    <message>
        <source>{new} replaces {old}</source>
        <translation>{new} 替换 {old}</translation>
    </message>
    <message>
        <source>{name}, session {session}</source>
        <translation>{name}，场次 {session}</translation>
    </message>
    <message>
        <source>{post}: {item}</source>
        <translation>{post}：{item}</translation>
    </message>
    <message>
        <source>Changed {fields}</source>
        <extracomment>The settings the roster&apos;s rules read (the others decide the next allocation only).</extracomment>
        <translation>修改 {fields}</translation>
    </message>
    <message>
        <source>Exported {count} rows of {what} to {file}</source>
        <extracomment>What an export with names and ID numbers or phones needs at every center it covers: a desk exports its own center&apos;s, a viewer none (issue 13). Records a finished export in the audit trail; committed before the file is moved into place (examdesk/private_files.py).</extracomment>
        <translation>导出 {what} {count} 行至 {file}</translation>
    </message>
    <message>
        <source>Saved the fix-up report of the {what} import to {file}</source>
        <translation>保存 {what} 导入的问题报告至 {file}</translation>
    </message>
    <message>
        <source>Call about {topic}</source>
        <translation>来电咨询：{topic}</translation>
    </message>
    <message>
        <source>Imported {file}: {added} added, {updated} updated</source>
        <translation>导入 {file}：新增 {added} 条，更新 {updated} 条</translation>
    </message>
    <message>
        <source>Imported {count} photos from {file}</source>
        <translation>从 {file} 导入照片 {count} 张</translation>
    </message>
    <message>
        <source>{kind} at center {center}</source>
        <translation>考点 {center}：{kind}</translation>
    </message>
    <message>
        <source>Closed: {kind}</source>
        <translation>已关闭：{kind}</translation>
    </message>
    <message>
        <source>{person} treated at center {center}</source>
        <translation>考点 {center} 医疗点接诊 {person}</translation>
    </message>
    <message>
        <source>Route to center {center}</source>
        <translation>考点 {center} 的交通路线</translation>
    </message>
    <message>
        <source>Standard post {post}</source>
        <translation>标准岗位 {post}</translation>
    </message>
    <message>
        <source>Removed the standard post {post}</source>
        <translation>删除标准岗位 {post}</translation>
    </message>
    <message>
        <source>Made {count} posts from the standard posts</source>
        <translation>按标准岗位设置岗位 {count} 个</translation>
    </message>
    <message>
        <source>Post {post} of center {center}</source>
        <translation>考点 {center} 岗位 {post}</translation>
    </message>
    <message>
        <source>Removed the post {post} of center {center}</source>
        <translation>删除考点 {center} 岗位 {post}</translation>
    </message>
    <message>
        <source>Purged the personal data of {exam}: ID numbers, phones and photos; personal values blanked in {events} earlier audit events</source>
        <translation>清除考试 {exam} 的个人信息：身份证号、电话和照片；此前 {events} 条审计记录中的个人信息已清空</translation>
    </message>
    <message>
        <source>Changed room {room}: {fields}</source>
        <translation>修改考场 {room}：{fields}</translation>
    </message>
    <message>
        <source>Added room {room} to {center}</source>
        <translation>在 {center} 新增考场 {room}</translation>
    </message>
    <message>
        <source>Deleted room {room} of {center}</source>
        <translation>删除 {center} 的考场 {room}</translation>
    </message>
    <message>
        <source>Rostered {count} duties with seed {seed}</source>
        <translation>编排监考任务 {count} 项，随机种子 {seed}</translation>
    </message>
    <message>
        <source>Repaired {count} room-sessions with seed {seed}</source>
        <translation>修复 {count} 个考场场次的监考安排，随机种子 {seed}</translation>
    </message>
    <message>
        <source>Withdrew {candidate}</source>
        <translation>{candidate} 退考</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>考场 {room}</translation>
    </message>
    <message>
        <source>{candidate} to room {room}, seat {seat} ({ticket})</source>
        <translation>{candidate} → 考场 {room} {seat} 号座位（准考证号 {ticket}）</translation>
    </message>
    <message>
        <source>Allocated {count} candidates with seed {seed}</source>
        <translation>编排考生 {count} 人，随机种子 {seed}</translation>
    </message>
    <message>
        <source>Issued temporary ID {serial} to {name}</source>
        <translation>为 {name} 开具临时身份证明 {serial}</translation>
    </message>
    <message>
        <source>Voided temporary ID {serial}: {reason}</source>
        <translation>作废临时身份证明 {serial}：{reason}</translation>
    </message>
    <message>
        <source>Printed temporary ID {serial} to {file}</source>
        <translation>打印临时身份证明 {serial} 至 {file}</translation>
    </message>
    <message>
        <source>Candidate {candidate}: {regulation} {act}</source>
        <translation>考生 {candidate}：{regulation} {act}</translation>
    </message>
    <message>
        <source>Candidate {candidate} refused to sign</source>
        <translation>考生 {candidate} 拒绝签字</translation>
    </message>
    <message>
        <source>Candidate {candidate} signed</source>
        <translation>考生 {candidate} 已签字</translation>
    </message>
    <message>
        <source>Backed up the database to {file}</source>
        <translation>备份数据库至 {file}</translation>
    </message>
    <message>
        <source>Restored the backup {file}</source>
        <translation>恢复备份 {file}</translation>
    </message>
    <message>
        <source>{sheet} of center {center} printed: {pages} pages</source>
        <extracomment>Staff report for the briefing an hour before the session starts (docs/posts.md).</extracomment>
        <translation>打印考点 {center} 的{sheet}：{pages} 页</translation>
    </message>
    <message>
        <source>Violation record {id}</source>
        <translation>违纪记录 {id}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Person concerned: name, ID number, ticket...</source>
        <translation>涉及人员：姓名、身份证号、准考证号…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Show the next %1 older events</source>
        <translation>再显示 %1 条更早的记录</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the events the filters keep to an Excel workbook</source>
        <translation>将筛选出的记录写入 Excel 工作簿</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>seating</source>
        <translation>编排</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>duties</source>
        <translation>监考</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>imports</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>the exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>temporary IDs</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>doubtful candidates</source>
        <translation>存疑考生</translation>
    </message>
    <message>
        <source>violations</source>
        <translation>违纪</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>考务事件</translation>
    </message>
    <message>
        <source>the medical post</source>
        <translation>医疗点</translation>
    </message>
    <message>
        <source>the hotline</source>
        <translation>咨询热线</translation>
    </message>
    <message>
        <source>test centers</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Reading the audit trail</source>
        <translation>正在读取审计记录</translation>
    </message>
    <message>
        <source>Showing %1 of %2 events</source>
        <translation>显示 %1 条，共 %2 条</translation>
    </message>
    <message>
        <source>Select an event to see its details</source>
        <translation>选择一条记录查看详情</translation>
    </message>
    <message>
        <source>{code} (deleted)</source>
        <translation>{code}（已删除）</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>audit.xlsx</source>
        <translation>审计记录.xlsx</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the audit trail</source>
        <translation>正在导出审计记录</translation>
    </message>
    <message>
        <source>Wrote %1 events to %2</source>
        <translation>已将 %1 条记录写入 %2</translation>
    </message>
</context>
<context>
    <name>BackupCommands</name>
    <message>
        <source>examdesk-backup-{stamp}</source>
        <translation>考务备份-{stamp}</translation>
    </message>
    <message>
        <source>PostgreSQL backups (*.dump)</source>
        <translation>PostgreSQL 备份 (*.dump)</translation>
    </message>
    <message>
        <source>Database backups (*.db)</source>
        <translation>数据库备份 (*.db)</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>The database was backed up to {path}</source>
        <translation>数据库已备份到 {path}</translation>
    </message>
    <message>
        <source>Restore the database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the backup</source>
        <translation>正在读取备份</translation>
    </message>
    <message>
        <source>What the database holds now is backed up first. Restore the backup?</source>
        <translation>恢复前会先备份数据库现有的内容。确定恢复该备份吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The backup {path} was restored.</source>
        <translation>已恢复备份 {path}。</translation>
    </message>
    <message>
        <source>What the database held before was saved as {path}.</source>
        <translation>恢复前的内容已保存为 {path}。</translation>
    </message>
    <message>
        <source>Restoring the database</source>
        <translation>正在恢复数据库</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>{where}: keep = {value} is not a number of backups to keep; write a whole number such as {default} (0: no automatic backups).</source>
        <translation>{where}：keep = {value} 不是要保留的备份份数；请写一个整数，例如 {default}（0：不自动备份）。</translation>
    </message>
    <message>
        <source>How many automatic backups ExamDesk keeps in this folder (0: none are taken).</source>
        <translation>ExamDesk 在此文件夹中保留的自动备份份数（0：不自动备份）。</translation>
    </message>
    <message>
        <source>Cannot write the backup {path}: {reason}</source>
        <translation>无法写入备份 {path}：{reason}</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>The backup of the database failed: {reason}</source>
        <translation>数据库备份失败：{reason}</translation>
    </message>
    <message>
        <source>{program} could not be started: {reason}</source>
        <translation>无法启动 {program}：{reason}</translation>
    </message>
    <message>
        <source>{program} failed: {reason}</source>
        <translation>{program} 失败：{reason}</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s {program} is not installed (or not on PATH); install PostgreSQL&apos;s client programs of the server&apos;s version to back up or restore a PostgreSQL database.</source>
        <translation>未安装 PostgreSQL 的 {program}（或不在 PATH 中）；要备份或恢复 PostgreSQL 数据库，请安装与服务器版本相同的 PostgreSQL 客户端程序。</translation>
    </message>
    <message>
        <source>Bulk changes of this database will not be backed up automatically: PostgreSQL&apos;s pg_dump is not installed.</source>
        <translation>此数据库的批量修改前不会自动备份：未安装 PostgreSQL 的 pg_dump。</translation>
    </message>
    <message>
        <source>No automatic backup was taken before this change: PostgreSQL&apos;s pg_dump is not installed.</source>
        <translation>本次修改前未能自动备份：未安装 PostgreSQL 的 pg_dump。</translation>
    </message>
    <message>
        <source>No automatic backup was taken before this change: {reason}</source>
        <translation>本次修改前未能自动备份：{reason}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not an ExamDesk backup; choose a file that ExamDesk&apos;s backup wrote.</source>
        <translation>{path} 不是 ExamDesk 的备份；请选择 ExamDesk 备份时写出的文件。</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is a backup of an {kind} database; it can only be restored into an {kind} database.</source>
        <translation>{path} 是 {kind} 数据库的备份，只能恢复到 {kind} 数据库中。</translation>
    </message>
    <message>
        <source>Restoring the database</source>
        <translation>正在恢复数据库</translation>
    </message>
    <message>
        <source>Restoring the database failed, nothing was changed: {reason}</source>
        <translation>恢复数据库失败，未做任何修改：{reason}</translation>
    </message>
    <message>
        <source>a damaged database</source>
        <translation>一个已损坏的数据库</translation>
    </message>
    <message>
        <source>{exams} ({candidates:,} candidates)</source>
        <translation>{exams}（{candidates:,} 名考生）</translation>
    </message>
    <message>
        <source>no exam</source>
        <translation>没有考试</translation>
    </message>
    <message>
        <source>Everything {url} holds now, {held}, will be replaced by the backup {path} of {written}.</source>
        <translation>{url} 现有的全部内容（{held}）将被 {written} 的备份 {path} 替换。</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Test center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应考</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未标记</translation>
    </message>
    <message>
        <source>Temporary IDs</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>Doubtful open</source>
        <translation>存疑未结</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违纪</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <source>Posts staffed</source>
        <translation>岗位在岗/应到</translation>
    </message>
    <message>
        <source>Read failed; numbers as of %1</source>
        <translation>读取失败；数据截至 %1</translation>
    </message>
    <message>
        <source>Reading...</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>No new reading; numbers as of %1</source>
        <translation>未能及时更新；数据截至 %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>The exam has no session yet.</source>
        <translation>考试尚无场次。</translation>
    </message>
    <message>
        <source>not yet open</source>
        <translation>尚未入场</translation>
    </message>
    <message>
        <source>candidates entering</source>
        <translation>考生入场中</translation>
    </message>
    <message>
        <source>started, late entry allowed</source>
        <translation>已开考，仍可入场</translation>
    </message>
    <message>
        <source>started, doors closed</source>
        <translation>已开考，停止入场</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Entry %1 · start %2 · no entry after %3 · end %4</source>
        <translation>入场 %1 · 开考 %2 · %3 后禁止入场 · 结束 %4</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全考区</translation>
    </message>
    <message>
        <source>Your centers</source>
        <translation>本人负责的考点合计</translation>
    </message>
</context>
<context>
    <name>Candidates</name>
    <message>
        <source>No candidate has the ID {id} in this exam.</source>
        <translation>本次考试没有 ID 为 {id} 的考生。</translation>
    </message>
    <message>
        <source>This is not a mobile number (11 digits starting with 1) or a landline number with its area code.</source>
        <translation>这不是手机号码（以 1 开头的 11 位数字），也不是带区号的固定电话。</translation>
    </message>
    <message>
        <source>{name} already has this ID number in the exam; a person registers once.</source>
        <translation>{name} 已使用此证件号码报名；每人只能报名一次。</translation>
    </message>
    <message>
        <source>{name} already has this registration number; check it against the registration system, or leave it empty to number it.</source>
        <translation>报名序号已属于 {name}；请与报名系统核对，或留空由系统编号。</translation>
    </message>
    <message>
        <source>{name} sits in room {room} of {center}, arranged for level {level}, with ticket {ticket}: a seated candidate&apos;s level cannot change. Withdraw them first.</source>
        <translation>{name} 已安排在{center} {room} 考场（{level}），准考证号 {ticket}：已安排座位的考生不能更改级别。请先办理退考。</translation>
    </message>
    <message>
        <source>{name} sits in room {room} of {center} with ticket {ticket}: a seated candidate cannot be deleted. Withdraw them first (the seat is freed and the ticket number retired).</source>
        <translation>{name} 已安排在{center} {room} 考场，准考证号 {ticket}：已安排座位的考生不能删除。请先办理退考（座位释放，准考证号作废）。</translation>
    </message>
</context>
<context>
    <name>CandidatesPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Add a candidate</source>
        <translation>新增考生</translation>
    </message>
    <message>
        <source>Type a new candidate into the form under the details</source>
        <translation>在详情下方的表单中填写新考生</translation>
    </message>
    <message>
        <source>Delete the selected candidate (a seated one is withdrawn first)</source>
        <translation>删除所选考生（已安排座位的须先退考）</translation>
    </message>
    <message>
        <source>From the ID number</source>
        <translation>按证件号码</translation>
    </message>
    <message>
        <source>Empty: every paper of the level</source>
        <translation>留空：该级别的全部科目</translation>
    </message>
    <message>
        <source>The papers, separated by 、; short forms are understood (综合能力、实务)</source>
        <translation>报考科目，用“、”分隔；可用简称（综合能力、实务）</translation>
    </message>
    <message>
        <source>Empty: numbered by ExamDesk</source>
        <translation>留空：由系统编号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>报考级别</translation>
    </message>
    <message>
        <source>Save the candidate</source>
        <translation>保存考生</translation>
    </message>
    <message>
        <source>Reading the levels</source>
        <translation>正在读取级别</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Change this candidate</source>
        <translation>修改此考生</translation>
    </message>
    <message>
        <source>New candidate</source>
        <translation>新考生</translation>
    </message>
    <message>
        <source>Saving the candidate</source>
        <translation>正在保存考生</translation>
    </message>
    <message>
        <source>Delete a candidate</source>
        <translation>删除考生</translation>
    </message>
    <message>
        <source>Delete %1 (ID number %2)? The registration is removed from the exam.</source>
        <translation>删除 %1（证件号码 %2）？其报名信息将从本次考试中删除。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleting the candidate</source>
        <translation>正在删除考生</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>报名序号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Withdraw...</source>
        <translation>退考…</translation>
    </message>
    <message>
        <source>The candidate no longer sits the exam: the seat is freed and the ticket number retired</source>
        <translation>考生不再参加考试：释放座位，准考证号作废</translation>
    </message>
    <message>
        <source>candidates.xlsx</source>
        <translation>考生名单.xlsx</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>报考科目</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>not seated yet</source>
        <translation>尚未编排</translation>
    </message>
    <message>
        <source>Reading the photo</source>
        <translation>正在读取照片</translation>
    </message>
    <message>
        <source>Withdraw %1? Their seat in room %2 is freed and ticket %3 is retired for good.</source>
        <translation>确定让%1退考？其在%2的座位将被释放，准考证号%3永久作废。</translation>
    </message>
    <message>
        <source>Withdraw %1? They will no longer be seated.</source>
        <translation>确定让%1退考？之后不再为其编排座位。</translation>
    </message>
    <message>
        <source>Withdraw a candidate</source>
        <translation>考生退考</translation>
    </message>
    <message>
        <source>Withdrawing the candidate</source>
        <translation>正在办理退考</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Values (old → new)</source>
        <translation>内容（原值 → 新值）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>database URL, e.g. sqlite:///exam.db or postgresql://user@host/examdesk (default: $EXAMDESK_DB, else the embedded database in your user data folder)</source>
        <translation>数据库 URL，例如 sqlite:///exam.db 或 postgresql://user@host/examdesk（默认：$EXAMDESK_DB，否则使用用户数据目录中的内置数据库）</translation>
    </message>
    <message>
        <source>ExamDesk: plan and run an exam district. Without a command, opens the desktop application.</source>
        <translation>ExamDesk：考区考务编排与考试日管理。不带命令时打开桌面程序。</translation>
    </message>
    <message>
        <source>create the database, or upgrade it to this version&apos;s schema</source>
        <translation>创建数据库，或将其升级到本版本的结构</translation>
    </message>
    <message>
        <source>load the demo exam (2023 social worker exam, Zhoukou)</source>
        <translation>载入演示考试（2023年社会工作者职业水平考试，周口考区）</translation>
    </message>
    <message>
        <source>repeat the district for N cities of the province (17: about 100,000 candidates and 3,400 rooms)</source>
        <translation>按全省 N 个地市复制考区（17：约 10 万考生、3400 个考场）</translation>
    </message>
    <message>
        <source>delete the demo exam first if it is already loaded</source>
        <translation>若演示考试已载入，先删除再重新载入</translation>
    </message>
    <message>
        <source>load only when the database holds no exam yet</source>
        <translation>仅在数据库中尚无考试时载入</translation>
    </message>
    <message>
        <source>create only the exam (levels, subjects, sessions), without centers, candidates or staff: ready to import your own workbooks</source>
        <translation>只创建考试（报考级别、科目、场次），不含考点、考生和工作人员：可随后导入自己的工作簿</translation>
    </message>
    <message>
        <source>print how many centers, rooms, candidates... the database holds</source>
        <translation>显示数据库中考点、考场、考生等的数量</translation>
    </message>
    <message>
        <source>print one JSON object with snake_case keys</source>
        <translation>以一个 JSON 对象输出（键名为英文 snake_case）</translation>
    </message>
    <message>
        <source>Database ready: {url}</source>
        <translation>数据库已就绪：{url}</translation>
    </message>
    <message>
        <source>The previous version was saved as {path}</source>
        <translation>升级前的数据库已备份为 {path}</translation>
    </message>
    <message>
        <source>The database already holds an exam; the demo was not loaded.</source>
        <translation>数据库中已有考试，未载入演示考试。</translation>
    </message>
    <message>
        <source>Created {name} ({code}) with its levels, subjects and sessions; import its rooms, candidates and staff with &apos;examdesk import&apos;.</source>
        <translation>已创建 {name}（{code}）及其报考级别、科目和场次；请运行 “examdesk import” 导入考场、考生和工作人员。</translation>
    </message>
    <message>
        <source>Loaded {name} ({code}): {centers} test centers, {rooms} rooms, {candidates:,} candidates ({seated:,} seated), {staff:,} staff in {seconds:.1f} s</source>
        <translation>已载入 {name}（{code}）：{centers} 个考点，{rooms} 个考场，{candidates:,} 名考生（其中 {seated:,} 名已编排座位），{staff:,} 名工作人员，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>waiting for {holder}…</source>
        <translation>正在等待{holder}…</translation>
    </message>
    <message>
        <source>name a command (see &apos;examdesk --help&apos;)</source>
        <translation>请指定一个命令（参见 &apos;examdesk --help&apos;）</translation>
    </message>
    <message>
        <source>interrupted; nothing was changed.</source>
        <translation>已中断，未做任何更改。</translation>
    </message>
    <message>
        <source>the .xlsx, .xlsm or .csv file</source>
        <translation>.xlsx、.xlsm 或 .csv 文件</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first)</source>
        <translation>要读取的工作表（默认：第一个工作表）</translation>
    </message>
    <message>
        <source>the folder holding the photos</source>
        <translation>存放照片的文件夹</translation>
    </message>
    <message>
        <source>export candidates, rooms or staff as a workbook that can be imported again</source>
        <translation>将考生、考场或工作人员导出为可再次导入的工作簿</translation>
    </message>
    <message>
        <source>export the candidates (with their seats once allocated)</source>
        <translation>导出考生（已编排座位的含座位信息）</translation>
    </message>
    <message>
        <source>export the test centers and rooms</source>
        <translation>导出考点和考场</translation>
    </message>
    <message>
        <source>export the staff</source>
        <translation>导出工作人员</translation>
    </message>
    <message>
        <source>export the seating plan: center, room, seat, ticket number and candidate</source>
        <translation>导出座位编排表：考点、考场、座位号、准考证号和考生</translation>
    </message>
    <message>
        <source>export the staff duties: center, session, date, time, room or post, role, name, gender, work unit, mobile</source>
        <translation>导出工作人员任务安排：考点、场次、日期、时间、考场或岗位、角色、姓名、性别、工作单位、手机号码</translation>
    </message>
    <message>
        <source>export the supplies each center&apos;s posts need</source>
        <translation>导出各考点岗位所需的物资</translation>
    </message>
    <message>
        <source>the workbook to write (replaced if it exists)</source>
        <translation>要写入的工作簿（如已存在则替换）</translation>
    </message>
    <message>
        <source>mark a room&apos;s attendance in a session (present, absent 缺考, late) and show the counts and whether they reconcile</source>
        <translation>登记考场某场次的考勤（到场、缺考、迟到），显示人数及核对结果</translation>
    </message>
    <message>
        <source>mark candidates of one room in one session, by ticket number</source>
        <translation>按准考证号登记一个考场一个场次的考勤</translation>
    </message>
    <message>
        <source>the room, e.g. 01/003</source>
        <translation>考场，如 01/003</translation>
    </message>
    <message>
        <source>mark present everyone of the room not marked yet (marks already made stay)</source>
        <translation>将考场内尚未标记的考生全部标为到场（已有的标记不变）</translation>
    </message>
    <message>
        <source>the ticket numbers of the absent (缺考)</source>
        <translation>缺考考生的准考证号</translation>
    </message>
    <message>
        <source>the ticket numbers of those who came late</source>
        <translation>迟到考生的准考证号</translation>
    </message>
    <message>
        <source>the ticket numbers of those present</source>
        <translation>到场考生的准考证号</translation>
    </message>
    <message>
        <source>temporary ID certificates an invigilator checked against their holders in the room (the holders are marked present)</source>
        <translation>监考员已在考场核验持证人的临时身份证明编号（持证人记为到场）</translation>
    </message>
    <message>
        <source>the answer sheets the room handed in</source>
        <translation>考场收回的答题卡数</translation>
    </message>
    <message>
        <source>record that a room&apos;s papers of a session are sealed; refused (exit 1) while its counts do not reconcile, unless --reason says why</source>
        <translation>记录考场某场次的试卷已封存；核对不符时拒绝（退出码 1），除非用 --reason 说明原因</translation>
    </message>
    <message>
        <source>why the room is sealed although its counts do not reconcile</source>
        <translation>核对不符仍要封存的原因</translation>
    </message>
    <message>
        <source>show per room and session: expected, present, late, absent, not marked, answer sheets; then the totals per center, session and district</source>
        <translation>按考场和场次显示应考、到场、迟到、缺考、未标记人数及答题卡数，再按考点、场次和全市汇总</translation>
    </message>
    <message>
        <source>only this test center</source>
        <translation>仅导出该考点</translation>
    </message>
    <message>
        <source>only this session, e.g. S2</source>
        <translation>只看此场次，如 S2</translation>
    </message>
    <message>
        <source>print a JSON list, one object per room and session (center, room, session, expected, present, absent, late, unmarked, answer_sheets, sealed, mismatch, absent_tickets)</source>
        <translation>输出 JSON 列表，每个考场场次一个对象（center, room, session, expected, present, absent, late, unmarked, answer_sheets, sealed, mismatch, absent_tickets）</translation>
    </message>
    <message>
        <source>Ticket {ticket} is given twice, with different marks.</source>
        <translation>准考证号 {ticket} 出现两次，且标记不同。</translation>
    </message>
    <message>
        <source>Nothing to mark: give --all-present, --absent, --late or --present TICKET...</source>
        <translation>没有要登记的内容：请给出 --all-present、--absent、--late 或 --present 准考证号…</translation>
    </message>
    <message>
        <source>{room} {session}: expected {expected}, present {present}, late {late}, absent {absent}, not marked {unmarked}, answer sheets {sheets}{sealed}</source>
        <translation>{room} {session}：应考 {expected}，到场 {present}，迟到 {late}，缺考 {absent}，未标记 {unmarked}，答题卡 {sheets}{sealed}</translation>
    </message>
    <message>
        <source>, sealed</source>
        <translation>，已封存</translation>
    </message>
    <message>
        <source>{what}: {rooms} room-sessions, expected {expected}, present {present}, late {late}, absent {absent}, not marked {unmarked}, not reconciled {mismatched}</source>
        <translation>{what}：{rooms} 个考场场次，应考 {expected}，到场 {present}，迟到 {late}，缺考 {absent}，未标记 {unmarked}，核对不符 {mismatched}</translation>
    </message>
    <message>
        <source>absent: {tickets}</source>
        <translation>缺考：{tickets}</translation>
    </message>
    <message>
        <source>Test center {code}</source>
        <translation>考点 {code}</translation>
    </message>
    <message>
        <source>Session {code}</source>
        <translation>场次 {code}</translation>
    </message>
    <message>
        <source>District</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>Nobody is seated yet: there is no attendance to show.</source>
        <translation>尚未编排座位：没有考勤可显示。</translation>
    </message>
    <message>
        <source>sign in as this user, on a database with users (default: $EXAMDESK_USER); the password is $EXAMDESK_PASSWORD, else asked</source>
        <translation>以此用户登录设有用户的数据库（默认：$EXAMDESK_USER）；密码取自 $EXAMDESK_PASSWORD，否则提示输入</translation>
    </message>
    <message>
        <source>No password given: set ${variable}, or run the command in a terminal to type it.</source>
        <translation>未给出密码：请设置 ${variable}，或在终端中运行命令以便输入密码。</translation>
    </message>
    <message>
        <source>Not signed in: this database has users; give --user NAME (or $EXAMDESK_USER) and the password ($EXAMDESK_PASSWORD, or typed when asked).</source>
        <translation>未登录：此数据库设有用户；请用 --user 用户名（或 $EXAMDESK_USER）给出用户名，并给出密码（$EXAMDESK_PASSWORD，或在提示时输入）。</translation>
    </message>
    <message>
        <source>Password of {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>the exam&apos;s code (needed when the database holds several exams)</source>
        <translation>考试代码（数据库中有多场考试时必须指定）</translation>
    </message>
    <message>
        <source>import rooms, candidates, staff, posts or photos</source>
        <extracomment>Candidates without a photo listed on the terminal; --report lists them all.</extracomment>
        <translation>导入考场、考生、工作人员、岗位或照片</translation>
    </message>
    <message>
        <source>export the post roster with each post&apos;s coverage, as &apos;import posts&apos; reads it back</source>
        <translation>导出岗位值班表及各岗位的人员安排情况，可用 &apos;import posts&apos; 重新导入</translation>
    </message>
    <message>
        <source>export the attendance per room and session: expected, present, late, absent, answer sheets, absentees&apos; tickets</source>
        <translation>导出各考场各场次的考勤：应考、到场、迟到、缺考、答题卡数、缺考考生准考证号</translation>
    </message>
    <message>
        <source>export the temporary ID certificates issued (void ones too)</source>
        <translation>导出已开具的临时身份证明（含已作废的）</translation>
    </message>
    <message>
        <source>export the exam day&apos;s violations, incidents and medical log</source>
        <translation>导出考试当天的违纪记录、考务事件和医疗记录</translation>
    </message>
    <message>
        <source>export the audit trail: who changed, printed or exported what, when, with the values before and after</source>
        <translation>导出审计记录：谁在何时修改、打印或导出了什么，及修改前后的值</translation>
    </message>
    <message>
        <source>only the events of this user</source>
        <translation>只导出该用户的记录</translation>
    </message>
    <message>
        <source>only events from this day on (YYYY-MM-DD)</source>
        <translation>仅此日及以后的记录（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>only events up to this day (YYYY-MM-DD)</source>
        <translation>仅此日及以前的记录（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date such as 2026-12-05</source>
        <translation>“{text}”不是日期，应如 2026-12-05</translation>
    </message>
    <message>
        <source>check the file and report; write nothing</source>
        <translation>只检查文件并报告结果，不写入任何数据</translation>
    </message>
    <message>
        <source>import the valid rows even when other rows have errors</source>
        <translation>即使其他行有错误，也导入有效的行</translation>
    </message>
    <message>
        <source>write the file back with the problem cells highlighted and a problems column</source>
        <translation>另存一份文件，标出有问题的单元格，并添加一列问题说明</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>报告已写入 {path}</translation>
    </message>
    <message>
        <source>examdesk: {count} rows refused.</source>
        <translation>examdesk：有 {count} 行被拒绝导入。</translation>
    </message>
    <message>
        <source>examdesk: {count} photo files refused.</source>
        <translation>examdesk：有 {count} 个照片文件被拒绝导入。</translation>
    </message>
    <message>
        <source>The imported seating plan: {count:,} problems.</source>
        <translation>导入的考场编排：{count:,} 个问题。</translation>
    </message>
    <message>
        <source>The roster, where the imported seats broke it: {count:,} problems.</source>
        <translation>监考安排中被导入的座位破坏之处：{count:,} 个问题。</translation>
    </message>
    <message>
        <source>The roster, as it was before the import: {count:,} problems.</source>
        <translation>导入前监考安排原有的问题：{count:,} 个。</translation>
    </message>
    <message>
        <source>The service posts: {count:,} problems.</source>
        <translation>服务岗位：{count:,} 个问题。</translation>
    </message>
    <message>
        <source>The plan, checked as &apos;examdesk check&apos; does:</source>
        <translation>按“examdesk check”检查整个方案：</translation>
    </message>
    <message>
        <source>{source}: {rows:,} rows read: {added:,} added, {updated:,} updated, {unchanged:,} unchanged, {refused:,} refused; {errors:,} errors, {warnings:,} warnings.</source>
        <translation>{source}：共读取 {rows:,} 行，其中新增 {added:,} 行、更新 {updated:,} 行、无变化 {unchanged:,} 行、拒绝 {refused:,} 行；错误 {errors:,} 个，警告 {warnings:,} 个。</translation>
    </message>
    <message>
        <source>{count:,} candidates have no photo:</source>
        <translation>{count:,} 名考生没有照片：</translation>
    </message>
    <message>
        <source>  ... and {count:,} more (--report lists them all)</source>
        <translation>  …… 另有 {count:,} 名（使用 --report 可列出全部）</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported into the database.</source>
        <translation>已导入数据库。</translation>
    </message>
    <message>
        <source>Nothing was written: fix the errors and import again, or use --skip-invalid to import only the valid rows.</source>
        <translation>未写入任何数据：请改正错误后重新导入，或使用 --skip-invalid 只导入有效的行。</translation>
    </message>
    <message>
        <source>Nothing to change: the database already holds this data.</source>
        <translation>无需更改：数据库中已有这些数据。</translation>
    </message>
    <message>
        <source>Wrote {rows:,} rows to {path}</source>
        <translation>已将 {rows:,} 行写入 {path}</translation>
    </message>
    <message>
        <source>seat every candidate of the exam and give them admission ticket numbers</source>
        <translation>为本次考试的全部考生编排考场座位并生成准考证号</translation>
    </message>
    <message>
        <source>the shuffle&apos;s seed: the same data and seed give the same plan (default: a new seed, printed and recorded)</source>
        <translation>随机编排所用的随机种子：数据和随机种子相同，编排结果就相同（默认：使用新的随机种子，并显示和记录）</translation>
    </message>
    <message>
        <source>re-plan only the candidates seated in this test center, in its rooms</source>
        <translation>只重新编排已安排在该考点的考生，且只使用该考点的考场</translation>
    </message>
    <message>
        <source>seat only candidates without a seat; everyone else stays where they are</source>
        <translation>只为尚无座位的考生编排座位，其他考生的座位保持不变</translation>
    </message>
    <message>
        <source>list every problem of the seating plan with its cause and a fix</source>
        <translation>列出座位编排中的所有问题及其原因和修改方法</translation>
    </message>
    <message>
        <source>print a JSON list of problems (code, severity, message, fix, center, room, candidate)</source>
        <translation>以 JSON 列表输出问题（键名：code、severity、message、fix、center、room、candidate）</translation>
    </message>
    <message>
        <source>show or change the exam&apos;s settings, and the abbreviations of its levels and subjects</source>
        <translation>查看或修改本次考试的设置，以及级别和科目的简称</translation>
    </message>
    <message>
        <source>print the settings, each with what it decides, and the levels and subjects with the abbreviations imports accept</source>
        <translation>显示各项设置及其作用，以及级别、科目和导入时可用的简称</translation>
    </message>
    <message>
        <source>log the consultation hotline&apos;s calls, or list them with the most asked topics</source>
        <translation>登记考试咨询电话的来电，或列出来电及最常咨询的问题</translation>
    </message>
    <message>
        <source>log one call; prints its number</source>
        <translation>登记一次来电；显示其编号</translation>
    </message>
    <message>
        <source>the caller&apos;s phone (may be left out)</source>
        <translation>来电号码（可不填）</translation>
    </message>
    <message>
        <source>what the call was about, in a few words (calls are counted by topic)</source>
        <translation>咨询的问题，用几个字概括（按问题统计来电）</translation>
    </message>
    <message>
        <source>what the caller was told</source>
        <translation>给来电人的答复</translation>
    </message>
    <message>
        <source>what is still to be done for the caller (e.g. call back)</source>
        <translation>还需为来电人办理的事项（例如回电）</translation>
    </message>
    <message>
        <source>list the latest calls, newest first, and the most asked topics</source>
        <translation>列出最近的来电（最新的在前）及最常咨询的问题</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>以一个 JSON 对象输出</translation>
    </message>
    <message>
        <source>print the candidate notice (考生须知) of each test center as text to publish (&apos;examdesk print notice&apos; prints it as a sheet)</source>
        <translation>以文本形式输出各考点的考生须知，供发布使用（“examdesk print notice” 将其打印为表格）</translation>
    </message>
    <message>
        <source>Call {number} logged: {topic}.</source>
        <translation>已登记来电 {number}：{topic}。</translation>
    </message>
    <message>
        <source>No call logged yet.</source>
        <translation>尚未登记来电。</translation>
    </message>
    <message>
        <source>Most asked:</source>
        <translation>最常咨询：</translation>
    </message>
    <message>
        <source>follow up: {what}</source>
        <translation>待办：{what}</translation>
    </message>
    <message>
        <source>change allocation settings; the next &apos;examdesk allocate&apos; follows them</source>
        <translation>修改编排设置；下一次运行 “examdesk allocate” 时按新设置编排</translation>
    </message>
    <message>
        <source>seat numbers row by row, or S-shaped by column (蛇形)</source>
        <translation>座位号逐行编排，或按列蛇形编排</translation>
    </message>
    <message>
        <source>where seat 1 is, seen from the podium</source>
        <translation>1 号座位的位置（从讲台看）</translation>
    </message>
    <message>
        <source>ticket number fields name:width, e.g. &quot;level:1 year:2 province:2 city:2 room:2 seat:2&quot;; digits stand for themselves; fields: level year province city county center room exam_room seat</source>
        <translation>准考证号的字段，格式为 名称:位数，例如 &quot;level:1 year:2 province:2 city:2 room:2 seat:2&quot;；数字按原样写入；可用字段：level year province city county center room exam_room seat</translation>
    </message>
    <message>
        <source>seat candidates in test centers of their own district</source>
        <translation>考生安排在本地区的考点</translation>
    </message>
    <message>
        <source>fill the centers in order, whatever the district</source>
        <translation>按考点顺序依次编排，不考虑地区</translation>
    </message>
    <message>
        <source>merge a level&apos;s last room into its other rooms when it would hold N candidates or fewer (default 3; 0: never)</source>
        <translation>某级别最后一个考场只有 N 名或更少考生时，并入该级别的其他考场（默认 3；0 表示不合并）</translation>
    </message>
    <message>
        <source>the order to fill test centers in, e.g. 03,01,02 (unnamed ones follow)</source>
        <translation>考点的编排顺序，例如 03,01,02（未列出的考点排在后面）</translation>
    </message>
    <message>
        <source>invigilators in every room (default 2)</source>
        <translation>每个考场的监考员人数（默认 2）</translation>
    </message>
    <message>
        <source>the most sessions one staff member works (default {count})</source>
        <translation>每名工作人员最多参加的场次数（默认 {count}）</translation>
    </message>
    <message>
        <source>reserve invigilators per center and session, as a share (default 0.1)</source>
        <translation>每个考点每个场次的备用监考比例（默认 0.1）</translation>
    </message>
    <message>
        <source>staff may work outside their home test center</source>
        <translation>工作人员可到所属考点以外的考点工作</translation>
    </message>
    <message>
        <source>staff work only at their home test center</source>
        <translation>工作人员只在所属考点工作</translation>
    </message>
    <message>
        <source>the technical service phone the candidate notice publishes (&quot;&quot; clears it)</source>
        <translation>考生须知公布的技术服务电话（&quot;&quot; 清除）</translation>
    </message>
    <message>
        <source>the consultation hotline the candidate notice publishes (&quot;&quot; clears it)</source>
        <translation>考生须知公布的咨询电话（&quot;&quot; 清除）</translation>
    </message>
    <message>
        <source>add or remove an abbreviation of a level or subject (e.g. 社工师 for 社会工作师), which imports then accept</source>
        <translation>添加或删除级别、科目的简称（例如以“社工师”代表“社会工作师”），导入时即可使用</translation>
    </message>
    <message>
        <source>accept ABBREVIATION for the level or subject from now on</source>
        <translation>此后导入时接受该简称</translation>
    </message>
    <message>
        <source>stop accepting ABBREVIATION</source>
        <translation>此后导入时不再接受该简称</translation>
    </message>
    <message>
        <source>the level or subject: its full name, code or a form it is known by; a subject of one level as LEVEL/SUBJECT, e.g. 2/22</source>
        <translation>级别或科目：全称、代码或已有的写法；指定某一级别的科目时写作“级别/科目”，例如 2/22</translation>
    </message>
    <message>
        <source>the abbreviation, e.g. 社工师</source>
        <translation>简称，例如 社工师</translation>
    </message>
    <message>
        <source>change the plan after allocation: add, withdraw, move or swap candidates, lock rooms</source>
        <translation>编排完成后调整座位：增补考生、办理退考、调动或互换考生座位、锁定考场</translation>
    </message>
    <message>
        <source>seat a candidate who has no seat (a late registration)</source>
        <translation>为尚无座位的考生安排座位（如补报名的考生）</translation>
    </message>
    <message>
        <source>the room (ROOM or CENTER/ROOM); default: the first room of the level with a free seat</source>
        <translation>考场（ROOM 或 CENTER/ROOM）；默认：该报考级别中第一个有空座位的考场</translation>
    </message>
    <message>
        <source>the seat number</source>
        <translation>座位号</translation>
    </message>
    <message>
        <source>withdraw a candidate: the seat is freed, the ticket number never reused</source>
        <translation>为考生办理退考：释放其座位，其准考证号不再使用</translation>
    </message>
    <message>
        <source>move a candidate to another seat</source>
        <translation>将考生调到其他座位</translation>
    </message>
    <message>
        <source>the room (ROOM or CENTER/ROOM)</source>
        <translation>考场（ROOM 或 CENTER/ROOM）</translation>
    </message>
    <message>
        <source>the seat number (default: the first free seat)</source>
        <translation>座位号（默认：第一个空座位）</translation>
    </message>
    <message>
        <source>swap the seats of two candidates of one level</source>
        <translation>互换同一报考级别两名考生的座位</translation>
    </message>
    <message>
        <source>ID number, registration number, ticket number or name</source>
        <translation>证件号码、报名序号、准考证号或姓名</translation>
    </message>
    <message>
        <source>lock a room so that no later allocation changes it</source>
        <translation>锁定考场，此后编排考场时不再改动该考场</translation>
    </message>
    <message>
        <source>the candidate&apos;s ID number, registration number, ticket number or name (or its pinyin, when only one candidate has it)</source>
        <translation>考生的证件号码、报名序号、准考证号或姓名（仅有一名考生符合时，也可用姓名拼音）</translation>
    </message>
    <message>
        <source>{errors:,} errors, {warnings:,} warnings in the plan.</source>
        <translation>编排方案中有 {errors:,} 个错误、{warnings:,} 个警告。</translation>
    </message>
    <message>
        <source>assign invigilators (lead and second) to every room in every session, roving invigilators per floor, inspectors and reserves, under the 回避 rules</source>
        <translation>按回避规则为每个场次的每个考场安排监考员（考场负责人和第二监考员），按楼层安排流动监考，并安排巡考员和备用监考</translation>
    </message>
    <message>
        <source>breaks ties reproducibly (default: a new seed, printed)</source>
        <translation>随机种子：条件相同时据此作出可重现的取舍（默认：使用新的随机种子，并显示）</translation>
    </message>
    <message>
        <source>roster only this test center</source>
        <translation>只为该考点安排监考</translation>
    </message>
    <message>
        <source>re-roster only the rooms whose duties break a rule or lack invigilators (after seats, rooms or staff changed); every other duty stays as it is</source>
        <translation>只重新安排任务违反规则或缺少监考员的考场（座位、考场或工作人员变更之后）；其他任务全部保持不变</translation>
    </message>
    <message>
        <source>the morning draw (抽签): give a center&apos;s rostered invigilators their rooms for one session, by a seeded draw that respects the 回避 rules</source>
        <translation>考前抽签：按随机种子抽签，在遵守回避规则的前提下，为某考点已安排的监考员分配某一场次的考场</translation>
    </message>
    <message>
        <source>the test center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>the session&apos;s code, e.g. S2</source>
        <translation>场次代码，例如 S2</translation>
    </message>
    <message>
        <source>the draw&apos;s seed, to reproduce a draw (default: a new seed, printed and recorded)</source>
        <translation>抽签所用的随机种子，可用于重现抽签结果（默认：使用新的随机种子，并显示和记录）</translation>
    </message>
    <message>
        <source>who holds the draw, as the draw and duty sheets print it (default: the center&apos;s chief examiner, 主考)</source>
        <translation>抽签主持人，打印在抽签结果和监考安排表上（默认：该考点的主考）</translation>
    </message>
    <message>
        <source>staff the service, medical and police posts of every session and report their coverage; &apos;posts init&apos; gives existing centers the standard posts they lack</source>
        <translation>为每个场次的服务、医疗和公安等岗位安排人员，并报告安排情况；&apos;posts init&apos; 为现有考点补建所缺的标准岗位</translation>
    </message>
    <message>
        <source>make the exam&apos;s standard posts at the centers that lack them, staffing none</source>
        <translation>为缺少标准岗位的考点建立岗位（不安排人员）</translation>
    </message>
    <message>
        <source>only this center</source>
        <translation>仅该考点</translation>
    </message>
    <message>
        <source>list the supplies each center&apos;s posts need, or change a ratio</source>
        <translation>列出各考点岗位所需物资，或修改配备比例</translation>
    </message>
    <message>
        <source>list the supplies per center</source>
        <translation>按考点列出物资</translation>
    </message>
    <message>
        <source>add or change how much of an item a kind of post needs</source>
        <translation>添加或修改某类岗位所需某项物资的数量</translation>
    </message>
    <message>
        <source>the kind of post: {kinds}</source>
        <translation>岗位类别：{kinds}</translation>
    </message>
    <message>
        <source>the item, e.g. 饮用水</source>
        <translation>物品，例如 饮用水</translation>
    </message>
    <message>
        <source>items per expected candidate</source>
        <translation>每名预计考生配备的数量</translation>
    </message>
    <message>
        <source>items per staff member on duty</source>
        <translation>每名在岗工作人员配备的数量</translation>
    </message>
    <message>
        <source>items per center whatever its size</source>
        <translation>每个考点固定配备的数量（与规模无关）</translation>
    </message>
    <message>
        <source>the unit, e.g. 瓶</source>
        <translation>单位，例如 瓶</translation>
    </message>
    <message>
        <source>change one person&apos;s duty: replace them, or lock the duty so that rosters keep it</source>
        <translation>调整某人的任务：替换该人员，或锁定该任务，使以后安排监考时保留该任务</translation>
    </message>
    <message>
        <source>list who could take over a person&apos;s duty in a session, or give it to one</source>
        <translation>列出可接替某人某场次任务的人员，或将该任务交给其中一人</translation>
    </message>
    <message>
        <source>the staff member&apos;s ID number, phone or name</source>
        <translation>工作人员的身份证号码、电话或姓名</translation>
    </message>
    <message>
        <source>the ID number, phone or name of the person taking over (without it, the choices are listed)</source>
        <translation>接替者的身份证号码、电话或姓名（不指定则列出可选人员）</translation>
    </message>
    <message>
        <source>lock a person&apos;s duty in a session</source>
        <translation>锁定某人在某场次的任务</translation>
    </message>
    <message>
        <source>unlock it</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>Rostered {duties:,} duties (seed {seed}): {unfilled:,} places unfilled, {violations:,} hard-rule violations, {same_gender:,} rooms of one gender, {pairs:,} repeated pairs; {seconds:.1f} s.</source>
        <translation>已安排 {duties:,} 项任务（随机种子 {seed}）：空缺 {unfilled:,} 个，违反硬性规则 {violations:,} 处，监考员性别相同的考场 {same_gender:,} 个，重复搭档 {pairs:,} 对；用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>The {count:,} recorded draws of the centers rostered again are forgotten: their teams are new, and the sheets name no invigilator until each center draws again (&apos;examdesk draw&apos;).</source>
        <translation>重新安排的考点已记录的 {count:,} 次抽签作废：监考组已重新编排，在各考点重新抽签（“examdesk draw”）之前，表单不列监考员姓名。</translation>
    </message>
    <message>
        <source>{person}, {session}: {before} → {after}</source>
        <translation>{person}，{session}：{before} → {after}</translation>
    </message>
    <message>
        <source>(no duty)</source>
        <translation>（无任务）</translation>
    </message>
    <message>
        <source>Test center {center} had drawn its rooms for {session} before this repair. The draw stands; in {rooms} the invigilators are now people who did not draw the room: tell them, and print the center&apos;s duty sheet, their duty cards and those rooms&apos; sheets again.</source>
        <translation>考点 {center} 在本次修复前已为 {session} 抽签分配考场。抽签结果仍然有效；考场 {rooms} 现由未参加该考场抽签的人员监考：请通知他们，并重新打印该考点的监考安排表、他们的工作安排卡和这些考场的表单。</translation>
    </message>
    <message>
        <source>Re-rostered {rooms:,} room-sessions (seed {seed}; reproduce with --seed {seed}): {moves:,} duties changed, every other duty kept; {errors:,} errors left; {seconds:.1f} s.</source>
        <translation>已重新安排 {rooms:,} 个考场场次（随机种子 {seed}，用 --seed {seed} 可重现）：变更任务 {moves:,} 项，其他任务全部保持不变；剩余错误 {errors:,} 个；用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>{problem} Give the name with --host NAME.</source>
        <translation>{problem}请用 --host 姓名 指定。</translation>
    </message>
    <message>
        <source>Drew rooms for {teams} teams of test center {center}, session {session}, held by {host} (seed {seed}; reproduce with --seed {seed}).</source>
        <translation>已为考点 {center} 场次 {session} 的 {teams} 个监考组抽签分配考场，主持人 {host}（随机种子 {seed}；使用 --seed {seed} 可重现）。</translation>
    </message>
    <message>
        <source>Posts staffed: {filled:,} of {required:,} places in {posts:,} post-sessions.</source>
        <translation>岗位人员已安排：{posts:,} 个岗位场次共需 {required:,} 人，已安排 {filled:,} 人。</translation>
    </message>
    <message>
        <source>The exam has no posts yet: make the standard posts with &apos;examdesk posts init&apos;.</source>
        <translation>考试尚无岗位：请用 &apos;examdesk posts init&apos; 建立标准岗位。</translation>
    </message>
    <message>
        <source>No test center holds a session yet: seat the candidates first (&apos;examdesk allocate&apos;).</source>
        <translation>尚无考点安排考试场次：请先编排考生座位（&apos;examdesk allocate&apos;）。</translation>
    </message>
    <message>
        <source>Duty unlocked.</source>
        <translation>任务已解除锁定。</translation>
    </message>
    <message>
        <source>Duty locked.</source>
        <translation>任务已锁定。</translation>
    </message>
    <message>
        <source>{eligible:,} of {count:,} could take over; give the duty with --by WHO.</source>
        <translation>{count:,} 人中有 {eligible:,} 人可以接替；请使用 --by WHO 指定接替人员。</translation>
    </message>
    <message>
        <source>{who} takes over; the duty is locked.</source>
        <translation>已由 {who} 接替；该任务已锁定。</translation>
    </message>
    <message>
        <source>Seated {placed:,} candidates ({kept:,} kept where they were) in {rooms:,} rooms; {pairs:,} same-unit neighbour pairs; seed {seed} (reproduce with --seed {seed}); {seconds:.1f} s.</source>
        <translation>已为 {placed:,} 名考生编排座位（其中 {kept:,} 名保留原座位），共使用考场 {rooms:,} 个；同单位相邻座位 {pairs:,} 对；随机种子 {seed}（使用 --seed {seed} 可重现）；用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Re-roster just the rooms concerned, keeping every other duty: {command}</source>
        <translation>只重新安排相关考场、保留其他所有任务：{command}</translation>
    </message>
    <message>
        <source>This change broke the roster ({count:,} new problems):</source>
        <translation>此次更改破坏了监考安排（新增 {count:,} 个问题）：</translation>
    </message>
    <message>
        <source>Levels and subjects, with the forms imports accept besides the full name (code, short name, abbreviations):</source>
        <translation>级别和科目，以及导入时除全称外可用的写法（代码、简写、简称）：</translation>
    </message>
    <message>
        <source>abbreviations {listed}</source>
        <translation>简称 {listed}</translation>
    </message>
    <message>
        <source>{name} already accepts “{abbreviation}”; its abbreviations: {listed}.</source>
        <translation>{name} 已可写作“{abbreviation}”；它的简称有：{listed}。</translation>
    </message>
    <message>
        <source>Subject {name} of level {level}: abbreviations {listed}.</source>
        <translation>级别 {level} 的科目 {name}：简称 {listed}。</translation>
    </message>
    <message>
        <source>Level {name}: abbreviations {listed}.</source>
        <translation>级别 {name}：简称 {listed}。</translation>
    </message>
    <message>
        <source>Room {room} unlocked.</source>
        <translation>考场 {room} 已解除锁定。</translation>
    </message>
    <message>
        <source>Room {room} locked.</source>
        <translation>考场 {room} 已锁定。</translation>
    </message>
    <message>
        <source>{who}: room {room}, seat {seat}, ticket {ticket}</source>
        <translation>{who}：考场 {room}，{seat} 号座位，准考证号 {ticket}</translation>
    </message>
    <message>
        <source>{who}: withdrawn</source>
        <translation>{who}：已退考</translation>
    </message>
    <message>
        <source>Ticket number {ticket} is retired and will not be given again.</source>
        <translation>准考证号 {ticket} 已作废，不会再次使用。</translation>
    </message>
    <message>
        <source>print sheets as PDF files, one per test center</source>
        <translation>打印各类表单为 PDF 文件，每个考点一个</translation>
    </message>
    <message>
        <source>{sheets}, violation (one violation record, with --id), or pack: every room&apos;s envelope then the center&apos;s staff sheets</source>
        <translation>{sheets}，violation（一份违纪记录，配合 --id），或 pack：逐个考场的袋内材料，再加考点的工作人员表单</translation>
    </message>
    <message>
        <source>only this session (S1, S2...): sign-in sheets, room records, duty sheets, draw</source>
        <translation>只打印此场次（S1、S2……）：签到表、考场情况记录单、监考安排表、抽签结果</translation>
    </message>
    <message>
        <source>only this room</source>
        <translation>仅此考场</translation>
    </message>
    <message>
        <source>certificate: only the temporary ID with this serial, e.g. 01-0001</source>
        <translation>certificate：只打印此编号的临时身份证明，例如 01-0001</translation>
    </message>
    <message>
        <source>the violation record to print (print violation)</source>
        <translation>要打印的违纪记录编号（print violation）</translation>
    </message>
    <message>
        <source>doubtful: the exam day the list covers (default: today, or the exam&apos;s last day before today)</source>
        <translation>doubtful：存疑考生情况表所属的考试日（默认今天；今天不考试时为此前最后一个考试日）</translation>
    </message>
    <message>
        <source>the folder to write into (default: here)</source>
        <translation>写入的文件夹（默认：当前文件夹）</translation>
    </message>
    <message>
        <source>processes to render with (default: the cores)</source>
        <translation>用于生成的进程数（默认：CPU 核数）</translation>
    </message>
    <message>
        <source>--date goes with the sheet doubtful only.</source>
        <translation>--date 只能与 doubtful 一起使用。</translation>
    </message>
    <message>
        <source>Printed with problems: characters no font has are blank boxes in {count} places (listed above); write them in by hand there, or install a font that has them and print again.</source>
        <translation>打印完成，但有问题：没有字体包含的字符在 {count} 处印成了空白方框（见上文）；请在这些位置手写补上，或安装含有这些字符的字体后重新打印。</translation>
    </message>
    <message>
        <source>--serial goes with the sheet certificate only.</source>
        <translation>--serial 只能与 certificate 一起使用。</translation>
    </message>
    <message>
        <source>Wrote {path}: {pages} pages</source>
        <translation>已写入 {path}：{pages} 页</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created ({reason}); choose another with --out.</source>
        <translation>无法创建文件夹 {folder}（{reason}）；请用 --out 另选文件夹。</translation>
    </message>
    <message>
        <source>Wrote {path}: {pages} pages ({drawn} of {parts} parts drawn, the others unchanged)</source>
        <translation>已写入 {path}：共 {pages} 页（{parts} 个部分中重新生成 {drawn} 个，其余未变）</translation>
    </message>
    <message>
        <source>{file} cannot be written because it is open in another program (a PDF viewer?) or the folder is protected; close it, or choose another folder with --out, and try again.</source>
        <translation>无法写入 {file}：文件正被其他程序（PDF 阅读器？）打开，或文件夹受保护；请关闭该文件，或用 --out 另选文件夹后重试。</translation>
    </message>
    <message>
        <source>{file} cannot be written ({reason}).</source>
        <translation>无法写入 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>Nobody sits a paper there in session {code}.</source>
        <translation>该处在场次 {code} 没有考生参加考试。</translation>
    </message>
    <message>
        <source>No room holds seated candidates there; run &apos;examdesk allocate&apos; first.</source>
        <translation>该范围内没有已编排考生的考场；请先运行 “examdesk allocate”。</translation>
    </message>
    <message>
        <source>No draw has been held there yet; run &apos;examdesk draw&apos; on the morning of the exam.</source>
        <translation>该处尚未抽签；请于考试当天早上运行 &apos;examdesk draw&apos;。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{key} ({name})</source>
        <translation>{key}（{name}）</translation>
    </message>
    <message>
        <source>Nobody is on duty there yet; run &apos;examdesk roster&apos; first.</source>
        <translation>该处尚未安排工作人员；请先运行 &apos;examdesk roster&apos;。</translation>
    </message>
    <message>
        <source>That test center has no posts.</source>
        <translation>该考点没有设置岗位。</translation>
    </message>
    <message>
        <source>There is nothing to print there.</source>
        <translation>该处没有可打印的内容。</translation>
    </message>
    <message>
        <source>list, add, change or remove the posts of a test center, or the exam&apos;s standard posts that every new center gets</source>
        <translation>列出、新增、修改或删除考点的岗位，或每个新考点都会建立的考试标准岗位</translation>
    </message>
    <message>
        <source>list the posts of every test center</source>
        <translation>列出各考点的岗位</translation>
    </message>
    <message>
        <source>add a post to a test center (starting from the standard post of its kind and name, if any)</source>
        <translation>为考点新增岗位（如有同类别同名称的标准岗位，以其为基础）</translation>
    </message>
    <message>
        <source>change a post of a test center</source>
        <translation>修改考点的岗位</translation>
    </message>
    <message>
        <source>remove a post of a test center with its duties</source>
        <translation>删除考点的岗位及其人员安排</translation>
    </message>
    <message>
        <source>the test center&apos;s code</source>
        <translation>考点编号</translation>
    </message>
    <message>
        <source>remove it even when people were put on it by hand (locked duties)</source>
        <translation>即使岗位上有手动安排（已锁定）的人员也删除</translation>
    </message>
    <message>
        <source>list or change the exam&apos;s standard posts, made at every new test center (and by &apos;examdesk posts init&apos;)</source>
        <translation>列出或修改考试的标准岗位（新考点及 &apos;examdesk posts init&apos; 按此建立岗位）</translation>
    </message>
    <message>
        <source>list the standard posts</source>
        <translation>列出标准岗位</translation>
    </message>
    <message>
        <source>add a standard post, or change one</source>
        <translation>新增或修改标准岗位</translation>
    </message>
    <message>
        <source>remove a standard post (the posts made from it stay)</source>
        <translation>删除标准岗位（已据此建立的岗位保留）</translation>
    </message>
    <message>
        <source>the kind of post, as its label or value: {kinds}</source>
        <translation>岗位类别，可写名称或代码：{kinds}</translation>
    </message>
    <message>
        <source>the post&apos;s name, when a center has several of one kind (default: none)</source>
        <translation>岗位名称，用于区分同一考点同类别的多个岗位（默认：无）</translation>
    </message>
    <message>
        <source>give the post a new name</source>
        <translation>为岗位改名</translation>
    </message>
    <message>
        <source>where it is</source>
        <translation>岗位地点</translation>
    </message>
    <message>
        <source>when it is open, e.g. 07:00-17:30 (&apos;&apos; clears them); its people report when it opens</source>
        <translation>开放时间，如 07:00-17:30（&apos;&apos; 表示清除）；岗位人员在开放时报到</translation>
    </message>
    <message>
        <source>people on duty in each session (0-99)</source>
        <translation>每场在岗人数（0-99）</translation>
    </message>
    <message>
        <source>the roles that may staff it, e.g. 主考、副主考 (&apos;&apos; for its kind&apos;s usual roles)</source>
        <translation>可在该岗位值守的人员类别，如 主考、副主考（&apos;&apos; 表示该类岗位的常规人员类别）</translation>
    </message>
    <message>
        <source>its phone</source>
        <translation>岗位电话</translation>
    </message>
    <message>
        <source>what it keeps, e.g. &apos;急救箱 2 个、AED 1 台&apos; (replaces the list; &apos;&apos; for none)</source>
        <translation>岗位物资，如 &apos;急救箱 2 个、AED 1 台&apos;（替换原清单；&apos;&apos; 表示无）</translation>
    </message>
    <message>
        <source>phone {phone}</source>
        <translation>电话 {phone}</translation>
    </message>
    <message>
        <source>{duties} duties ({locked} locked)</source>
        <translation>人员安排 {duties} 人次（锁定 {locked}）</translation>
    </message>
    <message>
        <source>{count:,} posts.</source>
        <translation>共 {count:,} 个岗位。</translation>
    </message>
    <message>
        <source>{problem} (--force removes it with them)</source>
        <translation>{problem}（加 --force 即连同这些安排一并删除）</translation>
    </message>
    <message>
        <source>Removed {post} from test center {center} with its {duties} duties.</source>
        <translation>已删除考点 {center} 的{post}及其 {duties} 条人员安排。</translation>
    </message>
    <message>
        <source>Added to test center {center}: {post}</source>
        <translation>考点 {center} 新增岗位：{post}</translation>
    </message>
    <message>
        <source>Changed at test center {center}: {post}</source>
        <translation>考点 {center} 岗位已修改：{post}</translation>
    </message>
    <message>
        <source>Staff the posts again with &apos;examdesk posts&apos; to follow the change.</source>
        <translation>请运行 &apos;examdesk posts&apos; 重新安排岗位人员。</translation>
    </message>
    <message>
        <source>{count:,} standard posts.</source>
        <translation>共 {count:,} 个标准岗位。</translation>
    </message>
    <message>
        <source>Removed the standard post {post}; the centers keep the posts made from it.</source>
        <translation>已删除标准岗位{post}；各考点已建立的该岗位保留。</translation>
    </message>
    <message>
        <source>Standard post: {post}</source>
        <translation>标准岗位：{post}</translation>
    </message>
    <message>
        <source>New test centers get it; give existing ones the posts they lack with &apos;examdesk posts init&apos;.</source>
        <translation>新考点将建立该岗位；现有考点可用 &apos;examdesk posts init&apos; 补建所缺岗位。</translation>
    </message>
    <message>
        <source>no hours</source>
        <translation>未定开放时间</translation>
    </message>
    <message>
        <source>{count} per session</source>
        <translation>每场 {count} 人</translation>
    </message>
    <message>
        <source>usual roles ({roles})</source>
        <translation>常规人员类别（{roles}）</translation>
    </message>
    <message>
        <source>no supplies</source>
        <translation>无物资</translation>
    </message>
    <message>
        <source>Made {count:,} standard posts; staff them with &apos;examdesk posts&apos;.</source>
        <translation>已建立 {count:,} 个标准岗位；请用 &apos;examdesk posts&apos; 安排人员。</translation>
    </message>
    <message>
        <source>staff the posts again (examdesk posts)</source>
        <translation>重新安排岗位人员（examdesk posts）</translation>
    </message>
    <message>
        <source>run examdesk allocate --keep to seat them</source>
        <translation>运行 examdesk allocate --keep 为其编排座位</translation>
    </message>
    <message>
        <source>run examdesk allocate --keep to seat the candidates again</source>
        <translation>运行 examdesk allocate --keep 为这些考生重新编排座位</translation>
    </message>
    <message>
        <source>run examdesk allocate --keep</source>
        <translation>运行 examdesk allocate --keep</translation>
    </message>
    <message>
        <source>add, list, disable or enable users, set their passwords and roles</source>
        <translation>添加、列出、停用或启用用户，设置其密码和角色</translation>
    </message>
    <message>
        <source>add a user with a role (the first user of a database is its administrator)</source>
        <translation>添加用户并授予角色（数据库的第一个用户是其管理员）</translation>
    </message>
    <message>
        <source>set a user&apos;s password (an administrator&apos;s reset, or your own)</source>
        <translation>设置用户密码（管理员重置，或修改自己的密码）</translation>
    </message>
    <message>
        <source>stop a user from signing in</source>
        <translation>停用用户，使其无法登录</translation>
    </message>
    <message>
        <source>let a disabled or locked-out user sign in again</source>
        <translation>让已停用或已锁定的用户重新可以登录</translation>
    </message>
    <message>
        <source>list the users, their roles and whether they may sign in</source>
        <translation>列出用户、其角色以及能否登录</translation>
    </message>
    <message>
        <source>give a user a role (for one exam, at some centers)</source>
        <translation>授予用户角色（可限于某次考试、某些考点）</translation>
    </message>
    <message>
        <source>take a role away from a user</source>
        <translation>收回用户的角色</translation>
    </message>
    <message>
        <source>the user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>admin (users and everything), planner (the plan), desk (a center&apos;s exam day), viewer (reads)</source>
        <translation>admin（管理员：用户及全部功能）、planner（编排员：修改编排）、desk（考点值班：本考点考试当天事务）、viewer（查看者：只读）</translation>
    </message>
    <message>
        <source>only for this exam (default: every exam; the only exam when --center is given)</source>
        <translation>仅限该考试（默认：全部考试；给出 --center 时为唯一的考试）</translation>
    </message>
    <message>
        <source>only at these test centers of the exam (default: every center)</source>
        <translation>仅限该考试的这些考点（默认：全部考点）</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>The new password again: </source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何更改。</translation>
    </message>
    <message>
        <source>{count:,} users.</source>
        <translation>共 {count:,} 个用户。</translation>
    </message>
    <message>
        <source>Added user {user} ({role}).</source>
        <translation>已添加用户 {user}（{role}）。</translation>
    </message>
    <message>
        <source>Changed the password of {user}.</source>
        <translation>已修改 {user} 的密码。</translation>
    </message>
    <message>
        <source>Enabled user {user}.</source>
        <translation>已启用用户 {user}。</translation>
    </message>
    <message>
        <source>Disabled user {user}.</source>
        <translation>已停用用户 {user}。</translation>
    </message>
    <message>
        <source>Gave {user} the role {role} ({count} grants).</source>
        <translation>已授予 {user} {role}角色（{count} 项授权）。</translation>
    </message>
    <message>
        <source>{user} already holds that role.</source>
        <translation>{user} 已拥有该角色。</translation>
    </message>
    <message>
        <source>Took the role {role} from {user} ({count} grants).</source>
        <translation>已收回 {user} 的{role}角色（{count} 项授权）。</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>无密码</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>after an exam is over, remove its candidates&apos; and staff&apos;s ID numbers, phones and photos and its cached sheets; the counts and the plan stay</source>
        <translation>考试结束后，清除其考生和工作人员的身份证号、电话和照片以及缓存的表单；统计数字和编排保留</translation>
    </message>
    <message>
        <source>the exam&apos;s code</source>
        <translation>考试代码</translation>
    </message>
    <message>
        <source>save the whole database to one file (an SQLite copy, or pg_dump&apos;s archive for PostgreSQL), consistent while others work</source>
        <translation>把整个数据库保存为一个文件（SQLite 副本；PostgreSQL 为 pg_dump 归档），他人同时工作时也保持一致</translation>
    </message>
    <message>
        <source>the backup file to write (replaced if it exists)</source>
        <translation>要写出的备份文件（已存在则替换）</translation>
    </message>
    <message>
        <source>replace everything the database holds with a backup that &apos;examdesk backup&apos; wrote (the current state is backed up first)</source>
        <translation>用 &apos;examdesk backup&apos; 写出的备份替换数据库的全部内容（先备份当前内容）</translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>不再询问确认</translation>
    </message>
    <message>
        <source>Backed up {url} to {path} ({size}) in {seconds:.1f} s</source>
        <translation>已将 {url} 备份到 {path}（{size}），用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>Replace it? [y/N] </source>
        <translation>确定替换吗？[y/N] </translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>未恢复任何内容。</translation>
    </message>
    <message>
        <source>Restored {path} into {url} in {seconds:.1f} s.</source>
        <translation>已将 {path} 恢复到 {url}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>What the database held before was saved as {path}</source>
        <translation>恢复前的内容已保存为 {path}</translation>
    </message>
    <message>
        <source>purging exam {exam} cannot be undone: add --yes to confirm.</source>
        <translation>清除考试 {exam} 的个人信息后无法恢复：请加 --yes 确认。</translation>
    </message>
    <message>
        <source>Remove the ID numbers, phones and photos of exam {exam} ({name})? This cannot be undone. [y/N] </source>
        <translation>清除考试 {exam}（{name}）的身份证号、电话和照片？此操作无法恢复。[y/N] </translation>
    </message>
    <message>
        <source>Nothing was purged.</source>
        <translation>未清除任何信息。</translation>
    </message>
    <message>
        <source>Purged exam {exam}: the ID numbers and phones of {candidates:,} candidates and {staff:,} staff, {photos:,} photos, {relatives:,} relatives&apos; ID numbers; personal values blanked in {events:,} earlier audit events; its cached sheets on this computer removed.</source>
        <translation>已清除考试 {exam} 的个人信息：{candidates:,} 名考生和 {staff:,} 名工作人员的身份证号和电话、{photos:,} 张照片、{relatives:,} 个亲属身份证号；{events:,} 条以往审计记录中的个人信息已抹去；本机缓存的表单已删除。</translation>
    </message>
    <message>
        <source>issue, void or list temporary ID certificates (临时身份证明)</source>
        <translation>开具、作废或列出临时身份证明</translation>
    </message>
    <message>
        <source>issue a certificate to a candidate and print its serial</source>
        <translation>为考生开具临时身份证明并输出其编号</translation>
    </message>
    <message>
        <source>the candidate&apos;s ticket, ID or registration number</source>
        <translation>考生的准考证号、证件号码或报名序号</translation>
    </message>
    <message>
        <source>the issuing police officer</source>
        <translation>开具证明的民警</translation>
    </message>
    <message>
        <source>the officer&apos;s police unit</source>
        <translation>民警所属公安机关</translation>
    </message>
    <message>
        <source>the sessions it covers (default: the candidate&apos;s sessions left today)</source>
        <translation>证明适用的场次（默认：考生当天尚未结束的场次）</translation>
    </message>
    <message>
        <source>a JPEG or PNG photo taken at the desk, printed instead of the registration photo</source>
        <translation>现场拍摄的 JPEG 或 PNG 照片，打印时代替报名照片</translation>
    </message>
    <message>
        <source>void a certificate</source>
        <translation>作废一份临时身份证明</translation>
    </message>
    <message>
        <source>the certificate&apos;s serial, e.g. 01-0001</source>
        <translation>证明编号，例如 01-0001</translation>
    </message>
    <message>
        <source>why it is void</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>list the certificates issued</source>
        <translation>列出已开具的临时身份证明</translation>
    </message>
    <message>
        <source>print one JSON list of objects with snake_case keys</source>
        <translation>输出一个 JSON 列表（对象的键为 snake_case）</translation>
    </message>
    <message>
        <source>Voided the temporary ID {serial} of {name}.</source>
        <translation>已作废 {name} 的临时身份证明 {serial}。</translation>
    </message>
    <message>
        <source>void: {reason}</source>
        <translation>已作废：{reason}</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>{count:,} temporary IDs.</source>
        <translation>共 {count:,} 份临时身份证明。</translation>
    </message>
    <message>
        <source>record a candidate&apos;s violation, coded to the regulation&apos;s list of acts</source>
        <translation>按规定的违纪违规行为目录记录考生违纪</translation>
    </message>
    <message>
        <source>record a violation (the consequence follows from the act)</source>
        <translation>记录一条违纪（处理结果由行为条款决定）</translation>
    </message>
    <message>
        <source>the session&apos;s code (S1, S2...)</source>
        <translation>场次代码（S1、S2……）</translation>
    </message>
    <message>
        <source>the act&apos;s code in the regulation&apos;s list (see &apos;examdesk violation acts&apos;)</source>
        <translation>行为在规定目录中的代码（见 &apos;examdesk violation acts&apos;）</translation>
    </message>
    <message>
        <source>what was seen</source>
        <translation>所见情况</translation>
    </message>
    <message>
        <source>the two invigilators, by name or ID number (default: the two on duty in the candidate&apos;s room and session)</source>
        <translation>两名监考员，填姓名或身份证号（默认：考生所在考场该场次在岗的两名监考员）</translation>
    </message>
    <message>
        <source>list the regulation&apos;s acts with their codes and consequences</source>
        <translation>列出规定中的违纪违规行为及其代码和处理</translation>
    </message>
    <message>
        <source>record, close or list the exam day&apos;s incidents</source>
        <translation>记录、结案或列出考试当天的考务事件</translation>
    </message>
    <message>
        <source>record an incident</source>
        <translation>记录一个考务事件</translation>
    </message>
    <message>
        <source>medical, paper, equipment, public_opinion or other (or its Chinese name)</source>
        <translation>medical、paper、equipment、public_opinion 或 other（或其中文名称）</translation>
    </message>
    <message>
        <source>the room (default: the candidate&apos;s, else the whole exam)</source>
        <translation>考场（默认：考生所在考场，否则为整个考试）</translation>
    </message>
    <message>
        <source>the candidate concerned: ticket, ID or registration number</source>
        <translation>涉及的考生：准考证号、证件号码或报名序号</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>发生的情况</translation>
    </message>
    <message>
        <source>close an open incident</source>
        <translation>结案一个未结的考务事件</translation>
    </message>
    <message>
        <source>the incident&apos;s number</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <source>list the incidents, the open ones marked</source>
        <translation>列出考务事件，并标出未结事件</translation>
    </message>
    <message>
        <source>print a JSON list of objects (id, kind, kind_label, occurred_at, session, center, room, people, description, action_taken, reported_by, status, closed_at, closed_by)</source>
        <translation>输出 JSON 对象列表（id、kind、kind_label、occurred_at、session、center、room、people、description、action_taken、reported_by、status、closed_at、closed_by）</translation>
    </message>
    <message>
        <source>Recorded violation {id}: {name} ({ticket}), room {center}/{room} seat {seat}, session {session}</source>
        <translation>已记录违纪 {id}：{name}（{ticket}），考场 {center}/{room} 座位 {seat}，场次 {session}</translation>
    </message>
    <message>
        <source>Consequence: {consequence}</source>
        <translation>处理：{consequence}</translation>
    </message>
    <message>
        <source>{count:,} incidents, {open:,} open.</source>
        <translation>共 {count:,} 个考务事件，{open:,} 个未结。</translation>
    </message>
    <message>
        <source>Closed incident {id} ({kind}).</source>
        <translation>已结案事件 {id}（{kind}）。</translation>
    </message>
    <message>
        <source>Recorded incident {id} ({kind}) at {place}, session {session}: open.</source>
        <translation>已记录事件 {id}（{kind}），地点 {place}，场次 {session}：未结。</translation>
    </message>
    <message>
        <source>Name the violation record to print with --id ID (its number in &apos;examdesk export incidents&apos;).</source>
        <translation>请用 --id 编号 指明要打印的违纪记录（编号见 &apos;examdesk export incidents&apos;）。</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>解决办法</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>People</source>
        <translation>每班人数</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>缺员</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>考场/岗位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>&apos;{url}&apos; is not a database URL; use e.g. sqlite:///exam.db or postgresql+psycopg://user@host/dbname</source>
        <translation>“{url}”不是数据库 URL，请使用例如 sqlite:///exam.db 或 postgresql+psycopg://user@host/dbname</translation>
    </message>
    <message>
        <source>Cannot use the database URL &apos;{url}&apos;: {reason}</source>
        <translation>无法使用数据库 URL“{url}”：{reason}</translation>
    </message>
    <message>
        <source>The folder {folder} for the database {file} cannot be created ({reason}): is its drive connected?</source>
        <translation>无法创建数据库 {file} 所在的文件夹 {folder}（{reason}）：该驱动器是否已连接？</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>{url} already holds tables that ExamDesk did not create; choose an empty database or an ExamDesk one.</source>
        <translation>{url} 中已有非 ExamDesk 创建的数据表，请选择空数据库或 ExamDesk 数据库。</translation>
    </message>
    <message>
        <source>This database was written by a newer ExamDesk (schema {revision}); this is ExamDesk {version}. Install the newer version to open it.</source>
        <translation>此数据库由更新版本的 ExamDesk 写入（结构版本 {revision}），当前为 ExamDesk {version}。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>The database URL is empty; give one such as sqlite:///exam.db or postgresql+psycopg://user@host/dbname.</source>
        <translation>数据库 URL 为空；请给出一个，例如 sqlite:///exam.db 或 postgresql+psycopg://user@host/dbname。</translation>
    </message>
    <message>
        <source>Upgrading the database would break references between its tables; nothing was changed. Please report this.</source>
        <translation>升级数据库会破坏数据表之间的引用关系，未做任何更改。请报告此问题。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一程序</translation>
    </message>
    <message>
        <source>{purpose} center {center}</source>
        <translation>{purpose} 考点 {center}</translation>
    </message>
    <message>
        <source>{user} ({purpose}, since {time})</source>
        <translation>{user}（{purpose}，{time} 起）</translation>
    </message>
    <message>
        <source>{user} ({purpose})</source>
        <translation>{user}（{purpose}）</translation>
    </message>
    <message>
        <source>{doing} for center {center}</source>
        <translation>为考点 {center} {doing}</translation>
    </message>
    <message>
        <source>{holder} is changing the database</source>
        <translation>{holder}正在修改数据库</translation>
    </message>
    <message>
        <source>{user} is {doing}</source>
        <translation>{user}正在{doing}</translation>
    </message>
    <message>
        <source>{user} is {doing} since {time}</source>
        <translation>{user}正在{doing}（自 {time} 起）</translation>
    </message>
    <message>
        <source>Waiting until this has finished: {sentence}…</source>
        <translation>等待对方完成：{sentence}……</translation>
    </message>
    <message>
        <source>allocating seats</source>
        <translation>分配座位</translation>
    </message>
    <message>
        <source>making the roster</source>
        <translation>编排监考</translation>
    </message>
    <message>
        <source>repairing the roster</source>
        <translation>修补监考安排</translation>
    </message>
    <message>
        <source>staffing the posts</source>
        <translation>安排岗位人员</translation>
    </message>
    <message>
        <source>adding the standard posts</source>
        <translation>添加标准岗位</translation>
    </message>
    <message>
        <source>drawing rooms</source>
        <translation>抽签分配考场</translation>
    </message>
    <message>
        <source>loading the demo exam</source>
        <translation>载入演示考试</translation>
    </message>
    <message>
        <source>upgrading the database</source>
        <translation>升级数据库</translation>
    </message>
    <message>
        <source>{variable}={value} is not a number of seconds to wait for the database; write e.g. {variable}=60.</source>
        <translation>{variable}={value} 不是等待数据库的秒数；请写成如 {variable}=60。</translation>
    </message>
    <message>
        <source>{holder} is changing the database; nothing was changed. Try again when it has finished.</source>
        <translation>{holder}正在修改数据库；未作任何更改。请待其完成后重试。</translation>
    </message>
    <message>
        <source>{holder} is still changing the database after {seconds:g} s of waiting; nothing was changed. Try again when it has finished, or wait longer with {variable}=seconds.</source>
        <translation>已等待 {seconds:g} 秒，{holder}仍在修改数据库；未作任何更改。请待其完成后重试，或用 {variable}=秒数 延长等待。</translation>
    </message>
    <message>
        <source>{holder} is changing the database at the same time; nothing was changed. Try again when it has finished.</source>
        <translation>{holder}同时在修改数据库；未作任何更改。请待其完成后重试。</translation>
    </message>
    <message>
        <source>The database {file} is damaged ({problem}): it was not closed properly. Restore the newest backup from {folder}.</source>
        <translation>数据库 {file} 已损坏（{problem}）：它上次未正常关闭。请从 {folder} 恢复最新的备份。</translation>
    </message>
    <message>
        <source>The database {file} is damaged ({problem}): it was not closed properly. Restore the newest backup from {folder} with &apos;examdesk restore BACKUP&apos;.</source>
        <translation>数据库 {file} 已损坏（{problem}）：它上次未正常关闭。请用 &apos;examdesk restore 备份文件&apos; 从 {folder} 恢复最新的备份。</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>本机文件</translation>
    </message>
    <message>
        <source>On a server (PostgreSQL)</source>
        <translation>服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source> (open now)</source>
        <translation>（当前打开）</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>新建文件…</translation>
    </message>
    <message>
        <source>Recent databases:</source>
        <translation>最近使用的数据库：</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Or the URL:</source>
        <translation>或输入连接地址：</translation>
    </message>
    <message>
        <source>Open a database file</source>
        <translation>打开数据库文件</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>新建数据库文件</translation>
    </message>
    <message>
        <source>Looking at %1…</source>
        <translation>正在查看 %1…</translation>
    </message>
    <message>
        <source>There is no database file %1. Use &quot;New file…&quot; to create one.</source>
        <translation>数据库文件 %1 不存在。如需新建，请点“新建文件…”。</translation>
    </message>
    <message>
        <source>A new database will be created: %1</source>
        <translation>将新建数据库：%1</translation>
    </message>
    <message>
        <source>Connected. The database is empty: ExamDesk will create its tables.</source>
        <translation>连接成功。该数据库为空，ExamDesk 将在其中建表。</translation>
    </message>
    <message>
        <source>An ExamDesk database from an older version: it will be upgraded when opened (a file is backed up first).</source>
        <translation>这是旧版本 ExamDesk 的数据库，打开时将升级（数据库文件会先备份）。</translation>
    </message>
    <message>
        <source>An ExamDesk database without an exam yet.</source>
        <translation>ExamDesk 数据库，尚无考试。</translation>
    </message>
    <message>
        <source>An ExamDesk database with: %1</source>
        <translation>ExamDesk 数据库，包含：%1</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
    <message>
        <source>New database?</source>
        <translation>新建数据库？</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>%1 处没有数据库。</translation>
    </message>
    <message>
        <source>There is no database at %1, nor its folder %2: is its drive connected?</source>
        <translation>%1 处没有数据库，其所在文件夹 %2 也不存在：该驱动器是否已连接？</translation>
    </message>
    <message>
        <source>Create a new, empty database there, or choose another?</source>
        <translation>在该处新建一个空数据库，还是另选一个数据库？</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Restore a backup over it, choose another database, or quit.</source>
        <translation>请用备份覆盖恢复它、另选数据库，或退出。</translation>
    </message>
    <message>
        <source>Choose another database, or quit.</source>
        <translation>请另选一个数据库，或退出。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Choose another…</source>
        <translation>另选…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Restoring the database</source>
        <translation>正在恢复数据库</translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation>选择数据库</translation>
    </message>
    <message>
        <source>ExamDesk databases (*.db);;All files (*)</source>
        <translation>ExamDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Databases</name>
    <message>
        <source>The folder {folder} does not exist (is a network drive disconnected?). Choose another place for the database.</source>
        <translation>文件夹 {folder} 不存在（网络驱动器是否已断开？）。请为数据库另选位置。</translation>
    </message>
    <message>
        <source>ExamDesk may not write in the folder {folder}. Choose another place for the database.</source>
        <translation>ExamDesk 无权写入文件夹 {folder}。请为数据库另选位置。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and the database name.</source>
        <translation>请填写服务器地址和数据库名。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>--scale must be between 1 and {most} (the cities of the province), not {scale}.</source>
        <translation>--scale 必须在 1 到 {most}（全省地市数）之间，而不是 {scale}。</translation>
    </message>
    <message>
        <source>The demo exam {code} is already loaded; use --replace to load it again.</source>
        <translation>演示考试 {code} 已载入；如需重新载入，请使用 --replace。</translation>
    </message>
    <message>
        <source>The scale must be between 1 and {most} (the cities of the province), not {scale}.</source>
        <translation>规模应在 1 到 {most}（全省地市数）之间，不能是 {scale}。</translation>
    </message>
    <message>
        <source>The demo exam {code} is already loaded.</source>
        <translation>演示考试 {code} 已载入。</translation>
    </message>
    <message>
        <source>Demo exam created</source>
        <translation>演示考试已创建</translation>
    </message>
    <message>
        <source>Reading the sample workbooks</source>
        <translation>正在读取示例工作簿</translation>
    </message>
    <message>
        <source>Seating the candidates</source>
        <translation>正在编排考生座位</translation>
    </message>
    <message>
        <source>Rostering the staff</source>
        <translation>正在安排工作人员</translation>
    </message>
    <message>
        <source>Demo exam loaded</source>
        <translation>演示考试已载入</translation>
    </message>
    <message>
        <source>Creating rooms</source>
        <translation>正在创建考场</translation>
    </message>
    <message>
        <source>Adding candidates</source>
        <translation>正在添加考生</translation>
    </message>
    <message>
        <source>Adding staff</source>
        <translation>正在添加工作人员</translation>
    </message>
</context>
<context>
    <name>Doubtful</name>
    <message>
        <source>The candidate has no seat in exam {exam}.</source>
        <translation>该考生在考试 {exam} 中没有座位。</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{who} is on the doubtful list already.</source>
        <translation>{who} 已在存疑名单中。</translation>
    </message>
    <message>
        <source>Exam {exam} has no such doubtful record.</source>
        <translation>考试 {exam} 中没有这条存疑记录。</translation>
    </message>
    <message>
        <source>invigilator&apos;s name</source>
        <translation>监考员姓名</translation>
    </message>
    <message>
        <source>This record is cleared already.</source>
        <translation>这条存疑记录已核实。</translation>
    </message>
    <message>
        <source>{name} confirmed already: a second invigilator must confirm.</source>
        <translation>{name} 已确认过：须由另一名监考员确认。</translation>
    </message>
</context>
<context>
    <name>Duties</name>
    <message>
        <source>, </source>
        <extracomment>Shuffles drawn before the last one is repaired by matching instead. Rooms named in one explanation before &quot;and N more&quot;.</extracomment>
        <translation>，</translation>
    </message>
    <message>
        <source>the team of {room} ({names})</source>
        <translation>考场 {room} 的监考组（{names}）</translation>
    </message>
    <message>
        <source>{room}: {person}, {reason}</source>
        <translation>考场 {room}：{person}，{reason}</translation>
    </message>
    <message>
        <source>The draw takes the room duties of one test center in one session; staff member {staff} has another duty in the list.</source>
        <translation>抽签只处理同一考点同一场次的考场监考任务；工作人员 {staff} 在列表中有其他任务。</translation>
    </message>
    <message>
        <source>The draw cannot place room {room}: the room is not among the rooms given.</source>
        <translation>抽签无法安排考场 {room}：该考场不在给定的考场中。</translation>
    </message>
    <message>
        <source>The draw cannot place staff member {staff}: they are not among the staff given.</source>
        <translation>抽签无法安排工作人员 {staff}：该人员不在给定的工作人员中。</translation>
    </message>
    <message>
        <source>{person} has two room duties in one session; remove one before the draw.</source>
        <translation>{person} 在同一场次有两项考场监考任务；请在抽签前删除其中一项。</translation>
    </message>
    <message>
        <source>The draw cannot place {team}: every room is barred to it ({reasons}). Replace one of its invigilators before the draw.</source>
        <translation>抽签无法安排{team}：该组不能进入任何考场（{reasons}）。请在抽签前替换该组的一名监考员。</translation>
    </message>
    <message>
        <source>The draw cannot place every team: {teams} may only take {rooms}, one room fewer than there are teams; the other rooms are barred to {team} ({reasons}). Replace one of these invigilators before the draw.</source>
        <translation>抽签无法安排所有监考组：{teams} 只能进入考场 {rooms}，考场比监考组少一个；其他考场{team}都不能进入（{reasons}）。请在抽签前替换这些监考员中的一名。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{reasons} and {more} more</source>
        <translation>{reasons}；另有 {more} 条</translation>
    </message>
    <message>
        <source>a relative sits in this room</source>
        <translation>有亲属在该考场考试</translation>
    </message>
    <message>
        <source>candidates of their own work unit ({unit}) sit in this room</source>
        <translation>该考场有本单位（{unit}）的考生</translation>
    </message>
    <message>
        <source>test center {code}</source>
        <extracomment>The roles that staff each kind of post when the post names none.
----------
Issue codes of broken hard rules: make_roster never causes one (locked duties may). Issue codes of duties not filled: the roster is incomplete, not wrong.</extracomment>
        <translation>考点 {code}</translation>
    </message>
    <message>
        <source>{center} {post} ({session}): {filled} of {required} people; the center has {free} {roles} free, {elsewhere} of them at its other posts</source>
        <translation>{center} {post}（{session}）：需 {required} 人，已安排 {filled} 人；该考点有空闲{roles} {free} 名，其中 {elsewhere} 名在本考点其他岗位</translation>
    </message>
    <message>
        <source>{center} {post} ({session}): {filled} of {required} people; the center has {free} {roles} free</source>
        <translation>{center} {post}（{session}）：需 {required} 人，已安排 {filled} 人；该考点有空闲{roles} {free} 名</translation>
    </message>
    <message>
        <source>add {roles} to {center}: no other center has any free</source>
        <translation>请为 {center} 增加{roles}：其他考点也没有空闲人员</translation>
    </message>
    <message>
        <source>add {roles} to {center} or allow other centers&apos; staff</source>
        <translation>请为 {center} 增加{roles}，或允许安排其他考点的工作人员</translation>
    </message>
    <message>
        <source>The supply rule for {item} has a negative amount; use 0 or more.</source>
        <translation>{item} 的物资配置规则数量为负数；请使用 0 或更大的数。</translation>
    </message>
    <message>
        <source>The expected candidates or staff of a center are negative; use 0 or more.</source>
        <extracomment>The usual supplies; every ratio is a default the exam may edit.</extracomment>
        <translation>考点的预计考生数或工作人员数为负数；请使用 0 或更大的数。</translation>
    </message>
    <message>
        <source>The duty of staff member {staff} names room {room}, which is not among the rooms given.</source>
        <extracomment>The roles that may take a duty of each kind, besides the duty&apos;s own role.</extracomment>
        <translation>工作人员 {staff} 的任务指定了考场 {room}，该考场不在给定的考场中。</translation>
    </message>
    <message>
        <source>sits the exam</source>
        <translation>本人参加本次考试</translation>
    </message>
    <message>
        <source>lacks the role {roles}</source>
        <translation>不具备{roles}身份</translation>
    </message>
    <message>
        <source>on this floor, {room}: {reason}</source>
        <translation>本楼层考场 {room}：{reason}</translation>
    </message>
    <message>
        <source>already invigilates {room} in this session</source>
        <translation>本场次已在考场 {room} 监考</translation>
    </message>
    <message>
        <source>already roves floor {floor} in this session</source>
        <translation>本场次已在楼层 {floor} 担任流动监考</translation>
    </message>
    <message>
        <source>already inspects in this session</source>
        <translation>本场次已担任巡考员</translation>
    </message>
    <message>
        <source>is already a reserve at another test center in this session</source>
        <translation>本场次已在其他考点担任备用监考</translation>
    </message>
    <message>
        <source>already staffs a post in this session</source>
        <translation>本场次已在岗位值守</translation>
    </message>
    <message>
        <source>same work unit ({unit}) as {partner}, the room&apos;s other invigilator</source>
        <translation>与该考场另一名监考员 {partner} 同属一个工作单位（{unit}）</translation>
    </message>
    <message>
        <source>belongs to another test center</source>
        <translation>属于其他考点</translation>
    </message>
    <message>
        <source>already works {sessions} sessions, the most allowed</source>
        <translation>已参加 {sessions} 个场次，已达上限</translation>
    </message>
    <message>
        <source>delete the duty, or add what it names</source>
        <translation>请删除该任务，或补充其所指的对象</translation>
    </message>
    <message>
        <source>a duty names staff id {id}, who is not on the staff list</source>
        <translation>有一项任务指定了工作人员 ID {id}，该人员不在工作人员名单中</translation>
    </message>
    <message>
        <source>a duty of {person} names session id {id}, which the exam does not have</source>
        <translation>{person} 的一项任务指定了场次 ID {id}，本次考试没有该场次</translation>
    </message>
    <message>
        <source>a room duty of {person} in {session} names room id {id}, which the exam does not have</source>
        <translation>{person} 在 {session} 的一项考场监考任务指定了考场 ID {id}，本次考试没有该考场</translation>
    </message>
    <message>
        <source>a duty of {person} in {session} names test center id {id}, which the exam does not have</source>
        <translation>{person} 在 {session} 的一项任务指定了考点 ID {id}，本次考试没有该考点</translation>
    </message>
    <message>
        <source>{person} sits the exam but has {count} duties</source>
        <translation>{person} 本人参加本次考试，却有 {count} 项任务</translation>
    </message>
    <message>
        <source>give their duties to someone else: a candidate takes no duty</source>
        <translation>请将其任务交给他人：考生不得承担考务工作</translation>
    </message>
    <message>
        <source>{person} works {count} sessions; the limit is {cap}</source>
        <translation>{person} 参加 {count} 个场次；上限为 {cap} 个</translation>
    </message>
    <message>
        <source>{person} has {count} duties at the same time ({sessions})</source>
        <translation>{person} 同时段有 {count} 项任务（{sessions}）</translation>
    </message>
    <message>
        <source>keep one of them</source>
        <translation>只保留其中一项</translation>
    </message>
    <message>
        <source>room invigilator</source>
        <translation>考场监考</translation>
    </message>
    <message>
        <source>roving invigilator</source>
        <translation>流动监考</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>巡考</translation>
    </message>
    <message>
        <source>reserve</source>
        <translation>备用监考</translation>
    </message>
    <message>
        <source>{person}, who has no home test center, has a duty at {center} in {session}</source>
        <translation>{person} 没有所属考点，却在 {center}（{session}）有任务</translation>
    </message>
    <message>
        <source>{person} of {home} has a duty at {center} in {session}</source>
        <translation>{home} 的 {person} 在 {center}（{session}）有任务</translation>
    </message>
    <message>
        <source>give {extra} of their duties to someone else, or {allow}</source>
        <translation>请将其中 {extra} 项任务交给他人，或{allow}</translation>
    </message>
    <message>
        <source>give it to staff of {center}, or {cross}</source>
        <translation>请将该任务交给 {center} 的工作人员，或{cross}</translation>
    </message>
    <message>
        <source>{person} has a {duty} duty at {center} in {session} but is not {role}</source>
        <translation>{person} 在 {center}（{session}）承担{duty}任务，但不具备{role}身份</translation>
    </message>
    <message>
        <source>give it to a {role}, or add the role to {person}</source>
        <translation>请将该任务交给{role}，或为 {person} 添加该身份</translation>
    </message>
    <message>
        <source>{center}, {session}: no roving invigilator for {floors}</source>
        <translation>{center}，{session}：{floors} 没有流动监考</translation>
    </message>
    <message>
        <source>assign a roving invigilator to each floor</source>
        <translation>请为每个楼层安排一名流动监考</translation>
    </message>
    <message>
        <source>{center}, {session}: {have} of {need} reserves</source>
        <translation>{center}，{session}：备用监考应有 {need} 名，现有 {have} 名</translation>
    </message>
    <message>
        <source>add {missing} reserve invigilators</source>
        <translation>请增加 {missing} 名备用监考</translation>
    </message>
    <message>
        <source>{person} invigilates {room} in {session}, where nobody sits that session</source>
        <translation>{person} 在 {session} 监考考场 {room}，但该考场本场次没有考生</translation>
    </message>
    <message>
        <source>move them to a room in use, or to the reserves</source>
        <translation>请将其调到有考生的考场，或改为备用监考</translation>
    </message>
    <message>
        <source>{person} may not invigilate {room} in {session}: {reason}</source>
        <translation>{person} 不能在 {session} 监考考场 {room}：{reason}</translation>
    </message>
    <message>
        <source>swap them with an invigilator of another room</source>
        <translation>请将其与其他考场的监考员互换</translation>
    </message>
    <message>
        <source>{first} and {second}, both of {unit}, invigilate {room} in {session}</source>
        <translation>{first} 和 {second} 同属 {unit}，却在 {session} 同时监考考场 {room}</translation>
    </message>
    <message>
        <source>swap one of them with an invigilator of another unit</source>
        <translation>请将其中一人与其他单位的监考员互换</translation>
    </message>
    <message>
        <source>{room} has {have} of {need} invigilators in {session}</source>
        <translation>考场 {room} 在 {session} 应有 {need} 名监考员，现有 {have} 名</translation>
    </message>
    <message>
        <source>assign {missing} more invigilators to it</source>
        <translation>请再为该考场安排 {missing} 名监考员</translation>
    </message>
    <message>
        <source>{room} has {have} invigilators in {session}; it needs {need}</source>
        <translation>考场 {room} 在 {session} 有 {have} 名监考员；只需 {need} 名</translation>
    </message>
    <message>
        <source>move {extra} of them to another room or to the reserves</source>
        <translation>请将其中 {extra} 名调到其他考场，或改为备用监考</translation>
    </message>
    <message>
        <source>{room} has no lead invigilator in {session}</source>
        <translation>考场 {room} 在 {session} 没有考场负责人</translation>
    </message>
    <message>
        <source>mark one of its invigilators as lead (*)</source>
        <translation>请将其中一名监考员设为考场负责人（*）</translation>
    </message>
    <message>
        <source>{room} has {leads} lead invigilators in {session}</source>
        <translation>考场 {room} 在 {session} 有 {leads} 名考场负责人</translation>
    </message>
    <message>
        <source>keep one lead</source>
        <translation>只保留一名考场负责人</translation>
    </message>
    <message>
        <source>{room} in {session}</source>
        <translation>考场 {room}（{session}）</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} 和 {second}</translation>
    </message>
    <message>
        <source>{count} rooms have invigilators of one gender: {places}</source>
        <translation>{count} 个考场的监考员性别相同：{places}</translation>
    </message>
    <message>
        <source>swap invigilators between rooms so that each has a man and a woman, where staff allow</source>
        <translation>人员条件允许时，请在考场之间互换监考员，使每个考场都有男有女</translation>
    </message>
    <message>
        <source>{count} pairs of invigilators work together again: {pairs}</source>
        <translation>{count} 对监考员重复搭档：{pairs}</translation>
    </message>
    <message>
        <source>swap invigilators between rooms of the later session</source>
        <translation>请在后一场次的考场之间互换监考员</translation>
    </message>
    <message>
        <source>{count} staff have no home test center, so they get no duty: {names}</source>
        <translation>{count} 名工作人员没有所属考点，因此未安排任务：{names}</translation>
    </message>
    <message>
        <source>{session}: {rooms} rooms need {need} invigilators; only {free} are available in all test centers</source>
        <translation>{session}：{rooms} 个考场需要 {need} 名监考员；所有考点合计只有 {free} 名可用</translation>
    </message>
    <message>
        <source>add {short} invigilators to any test center</source>
        <translation>请在任一考点增加 {short} 名监考员</translation>
    </message>
    <message>
        <source>{center}, {session}: {rooms} rooms need {need} invigilators; only {free} are available</source>
        <translation>{center}，{session}：{rooms} 个考场需要 {need} 名监考员；只有 {free} 名可用</translation>
    </message>
    <message>
        <source>{center}, {session}: {rooms} rooms need {need} invigilators; {fit} of the {free} available are eligible after 回避</source>
        <translation>{center}，{session}：{rooms} 个考场需要 {need} 名监考员；可用的 {free} 名中，回避后只有 {fit} 名符合条件</translation>
    </message>
    <message>
        <source>The exam needs {need} invigilator-sessions over {slots} sessions; its {people} invigilators give at most {given} at {each} sessions each</source>
        <translation>本次考试 {slots} 个场次共需 {need} 监考人次；{people} 名监考员每人最多 {each} 个场次，最多只能提供 {given} 人次</translation>
    </message>
    <message>
        <source>add {more} invigilators to any test center</source>
        <translation>请在任一考点增加 {more} 名监考员</translation>
    </message>
    <message>
        <source>{center} needs {need} invigilator-sessions over {slots} sessions; its {people} invigilators give at most {given} at {each} sessions each</source>
        <translation>{center} {slots} 个场次共需 {need} 监考人次；该考点 {people} 名监考员每人最多 {each} 个场次，最多只能提供 {given} 人次</translation>
    </message>
    <message>
        <source>allow {raised} sessions per person (examdesk exam set --max-sessions {raised})</source>
        <translation>允许每人参加 {raised} 个场次（examdesk exam set --max-sessions {raised}）</translation>
    </message>
    <message>
        <source>allow staff from other centers (examdesk exam set --cross-center)</source>
        <translation>允许跨考点安排工作人员（examdesk exam set --cross-center）</translation>
    </message>
    <message>
        <source>give them a home test center, or {cross}</source>
        <translation>请为其指定所属考点，或{cross}</translation>
    </message>
    <message>
        <source>add {short} invigilators to {center} from work units with no candidates there, or {cross}</source>
        <translation>请从在该考点没有考生的工作单位为 {center} 增加 {short} 名监考员，或{cross}</translation>
    </message>
    <message>
        <source>{person} inspects {done} of {need} sessions at {center}: their other duties take the rest</source>
        <translation>{person} 应在 {center} 巡考 {need} 个场次，只安排了 {done} 个：其余场次已有其他任务</translation>
    </message>
    <message>
        <source>give some of their other duties to someone else</source>
        <translation>请将其部分其他任务交给他人</translation>
    </message>
    <message>
        <source>{room}, {session}: {missing} of {need} invigilators missing</source>
        <translation>考场 {room}，{session}：应有 {need} 名监考员，缺 {missing} 名</translation>
    </message>
    <message>
        <source>{center}, {session}: {missing} of {need} reserves missing</source>
        <translation>{center}，{session}：应有 {need} 名备用监考，缺 {missing} 名</translation>
    </message>
    <message>
        <source>{head}; {why}</source>
        <translation>{head}；{why}</translation>
    </message>
    <message>
        <source>add {missing} roving invigilators to {center}</source>
        <translation>请为 {center} 增加 {missing} 名流动监考</translation>
    </message>
    <message>
        <source>add a roving invigilator to {center}</source>
        <translation>请为 {center} 增加一名流动监考</translation>
    </message>
    <message>
        <source>nobody may take it at {center}</source>
        <translation>{center} 没有可承担该任务的人员</translation>
    </message>
    <message>
        <source>{open} free people may still take it</source>
        <translation>仍有 {open} 名空闲人员可以承担</translation>
    </message>
    <message>
        <source>assign them by hand, or make the roster again</source>
        <translation>请手动安排，或重新安排监考</translation>
    </message>
    <message>
        <source>on duty at the same time: {busy}</source>
        <translation>同时段另有任务：{busy} 人</translation>
    </message>
    <message>
        <source>at the limit of {cap} sessions: {capped}</source>
        <translation>已达 {cap} 个场次上限：{capped} 人</translation>
    </message>
    <message>
        <source>at another test center that day: {elsewhere}</source>
        <translation>当天在其他考点：{elsewhere} 人</translation>
    </message>
    <message>
        <source>a relative among its candidates: {relative}</source>
        <translation>有亲属在该考场考试：{relative} 人</translation>
    </message>
    <message>
        <source>colleagues of their unit among its candidates: {unit}</source>
        <translation>该考场有本单位考生：{unit} 人</translation>
    </message>
    <message>
        <source>same unit as its other invigilator: {partner}</source>
        <translation>与该考场另一名监考员同单位：{partner} 人</translation>
    </message>
    <message>
        <source>all {pool} who may take it are kept away ({reasons})</source>
        <translation>可承担该任务的 {pool} 人均无法安排（{reasons}）</translation>
    </message>
    <message>
        <source>add {missing} invigilators to {center} from work units with no candidates in {room}, or swap an invigilator of another room into it by hand</source>
        <translation>请从在考场 {room} 没有考生的工作单位为 {center} 增加 {missing} 名监考员，或手动将其他考场的一名监考员调入该考场</translation>
    </message>
    <message>
        <source>none of the {pool} who may take it is free ({reasons})</source>
        <translation>可承担该任务的 {pool} 人均无空闲（{reasons}）</translation>
    </message>
    <message>
        <source>add an invigilator to {center}</source>
        <translation>请为 {center} 增加一名监考员</translation>
    </message>
    <message>
        <source>add {count} invigilators to {center}</source>
        <translation>请为 {center} 增加 {count} 名监考员</translation>
    </message>
    <message>
        <source>, or </source>
        <translation>，或</translation>
    </message>
    <message>
        <source>staff {id}</source>
        <translation>工作人员 {id}</translation>
    </message>
    <message>
        <source>(no floor)</source>
        <translation>（未设楼层）</translation>
    </message>
    <message>
        <source>{names} and {more} more</source>
        <translation>{names}，另有 {more} 个</translation>
    </message>
    <message>
        <source>Invigilators for {center}, {session}</source>
        <extracomment>Cost of one session already worked, when the center&apos;s staff are tight, and otherwise. A room left with invigilators of one gender. Two people paired again. A person in a room (or roving a floor) again. A rover taking a room, at a center with rovers: keep them for the floors. Slack the later slots keep before load outweighs the soft goals.</extracomment>
        <translation>正在安排 {center}（{session}）的监考员</translation>
    </message>
    <message>
        <source>Rovers and reserves</source>
        <translation>正在安排流动监考和备用监考</translation>
    </message>
    <message>
        <source> / </source>
        <translation> / </translation>
    </message>
    <message>
        <source>Exam {exam} has no session {code}; its sessions are {codes}.</source>
        <translation>考试 {exam} 中没有场次 {code}；该考试的场次为 {codes}。</translation>
    </message>
    <message>
        <source>Test center {center} has several chief examiners (主考: {names}); name the one who holds the draw.</source>
        <translation>考点 {center} 有多名主考（{names}），请指定主持抽签的人。</translation>
    </message>
    <message>
        <source>Test center {center} has no chief examiner (主考) on the roster; name who holds the draw.</source>
        <translation>考点 {center} 的人员名单中没有主考，请指定主持抽签的人。</translation>
    </message>
    <message>
        <source>Write the name of who holds the draw.</source>
        <translation>请填写抽签主持人的姓名。</translation>
    </message>
    <message>
        <source>The host&apos;s name has at most {most} characters.</source>
        <translation>主持人姓名最多 {most} 个字符。</translation>
    </message>
    <message>
        <source>Test center {center} has no invigilators rostered for session {code}; make the roster first.</source>
        <translation>考点 {center} 尚未安排场次 {code} 的监考员；请先安排监考。</translation>
    </message>
    <message>
        <source>Test center {center} has no invigilators rostered for session {code}; run &apos;examdesk roster&apos; first.</source>
        <translation>考点 {center} 尚未安排场次 {code} 的监考员；请先运行 “examdesk roster”。</translation>
    </message>
    <message>
        <source>Test center {center} holds no paper in session {code}: nobody sits in its rooms then. Its sessions: {codes}.</source>
        <translation>考点 {center} 在场次 {code} 不安排考试，其考场中无人应考。该考点的场次：{codes}。</translation>
    </message>
    <message>
        <source>No staff member of exam {exam} has the ID number {who}.</source>
        <translation>考试 {exam} 中没有证件号码为 {who} 的工作人员。</translation>
    </message>
    <message>
        <source>{name} has no duty in that session.</source>
        <translation>{name} 在该场次没有任务。</translation>
    </message>
    <message>
        <source>{who} is the person being replaced.</source>
        <translation>{who} 就是被替换的人员。</translation>
    </message>
    <message>
        <source>{who} cannot take the duty: {reason}.</source>
        <translation>{who} 不能接替该任务：{reason}。</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>the duty of {name} in {session}</source>
        <translation>{name}在{session}的职务</translation>
    </message>
    <message>
        <source>Name the item, e.g. 饮用水.</source>
        <translation>请填写物品名称，例如 饮用水。</translation>
    </message>
    <message>
        <source>roving, {floor}</source>
        <translation>流动监考，{floor}</translation>
    </message>
    <message>
        <source>post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>The exam has no roster to repair yet; make one with &apos;examdesk roster&apos;.</source>
        <translation>该考试还没有可修复的监考安排；请先用“examdesk roster”生成。</translation>
    </message>
    <message>
        <source>allow staff from other centers</source>
        <translation>允许跨考点安排工作人员</translation>
    </message>
    <message>
        <source>repair the roster of the rooms concerned</source>
        <translation>修复相关考场的监考安排</translation>
    </message>
    <message>
        <source>allow {raised} sessions per person</source>
        <translation>允许每人参加 {raised} 个场次</translation>
    </message>
    <message>
        <source>The exam has no roster to repair yet; make one first.</source>
        <translation>该考试还没有可修复的监考安排；请先生成监考安排。</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>“{value}”: {what}; {fix}.</source>
        <translation>“{value}”：{what}；{fix}。</translation>
    </message>
    <message>
        <source>{what}; {fix}.</source>
        <translation>{what}；{fix}。</translation>
    </message>
    <message>
        <source>Fill in the form first.</source>
        <translation>请先填写表单。</translation>
    </message>
</context>
<context>
    <name>ExamDayPage</name>
    <message>
        <source>Live board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违纪</translation>
    </message>
    <message>
        <source>Incidents and medical</source>
        <translation>事件/医疗</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Temporary ID</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>User {user} may not do exam-day work.</source>
        <translation>用户 {user} 无权办理考务日事务。</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>The database holds no exam yet. Load the demo exam to try ExamDesk out, or create an empty exam (with its levels, subjects and sessions) and import your own rooms, candidates and staff into it.</source>
        <translation>数据库中还没有考试。可以载入演示考试试用 ExamDesk，或新建一个空考试（含级别、科目和场次），再导入本考区的考场、考生和工作人员。</translation>
    </message>
    <message>
        <source>Load the demo exam</source>
        <translation>载入演示考试</translation>
    </message>
    <message>
        <source>Create an empty exam to import into</source>
        <translation>新建空考试以便导入</translation>
    </message>
    <message>
        <source>Test centers</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Seated candidates</source>
        <translation>已编排考生</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>监考安排</translation>
    </message>
    <message>
        <source>Service posts</source>
        <translation>服务保障岗位</translation>
    </message>
    <message>
        <source>Temporary ID certificates</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>异常情况记录</translation>
    </message>
    <message>
        <source>Spare rooms</source>
        <translation>备用考场</translation>
    </message>
    <message>
        <source>Level / subject</source>
        <translation>级别 / 科目</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Abbreviations</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Add abbreviation…</source>
        <translation>添加简称…</translation>
    </message>
    <message>
        <source>Remove abbreviation…</source>
        <translation>删除简称…</translation>
    </message>
    <message>
        <source>Levels and subjects</source>
        <translation>级别和科目</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>row by row</source>
        <translation>逐行</translation>
    </message>
    <message>
        <source>S-shaped by column</source>
        <translation>按列蛇形</translation>
    </message>
    <message>
        <source>front left</source>
        <translation>前排左侧</translation>
    </message>
    <message>
        <source>front right</source>
        <translation>前排右侧</translation>
    </message>
    <message>
        <source>back left</source>
        <translation>后排左侧</translation>
    </message>
    <message>
        <source>back right</source>
        <translation>后排右侧</translation>
    </message>
    <message>
        <source>only in their own district</source>
        <translation>仅在本区县考点</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Seat order</source>
        <translation>座位编排顺序</translation>
    </message>
    <message>
        <source>Seat 1</source>
        <translation>1 号座位</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Candidates sit</source>
        <translation>考生就座</translation>
    </message>
    <message>
        <source>Merge a last room of at most</source>
        <translation>末尾考场人数不超过此数时合并</translation>
    </message>
    <message>
        <source>Center order</source>
        <translation>考点编排顺序</translation>
    </message>
    <message>
        <source>Invigilators per room</source>
        <translation>每考场监考人数</translation>
    </message>
    <message>
        <source>Sessions per staff member at most</source>
        <translation>每人最多场次</translation>
    </message>
    <message>
        <source>Reserve invigilators (share)</source>
        <translation>备用监考比例</translation>
    </message>
    <message>
        <source>Staff in other centers</source>
        <translation>跨考点安排工作人员</translation>
    </message>
    <message>
        <source>Technical service phone</source>
        <translation>技术服务电话</translation>
    </message>
    <message>
        <source>Consultation hotline</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Repair the roster</source>
        <translation>修复监考安排</translation>
    </message>
    <message>
        <source>Loading the exam</source>
        <translation>正在载入考试</translation>
    </message>
    <message>
        <source>No exam yet</source>
        <translation>还没有考试</translation>
    </message>
    <message>
        <source>Code %1 · year %2</source>
        <translation>代码 %1 · %2 年度</translation>
    </message>
    <message>
        <source>Write a whole number.</source>
        <translation>请填写整数。</translation>
    </message>
    <message>
        <source>Write a number, e.g. 0.1.</source>
        <translation>请填写数字，例如 0.1。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Saving the settings</source>
        <translation>正在保存设置</translation>
    </message>
    <message>
        <source>“%1” must be between %2 and %3, not %4.</source>
        <translation>“%1”应在 %2 到 %3 之间，不能是 %4。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The change breaks %1 duties:</source>
        <translation>此改动使 %1 项监考安排不再符合规则：</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 项</translation>
    </message>
    <message>
        <source>The roster was repaired.</source>
        <translation>监考安排已修复。</translation>
    </message>
    <message>
        <source>Repairing the roster</source>
        <translation>正在修复监考安排</translation>
    </message>
    <message>
        <source>Add abbreviation</source>
        <translation>添加简称</translation>
    </message>
    <message>
        <source>Another way clerks write %1:</source>
        <translation>%1 的另一种写法：</translation>
    </message>
    <message>
        <source>Remove abbreviation</source>
        <translation>删除简称</translation>
    </message>
    <message>
        <source>The abbreviation of %1 to remove:</source>
        <translation>要删除的 %1 的简称：</translation>
    </message>
    <message>
        <source>Creating the exam</source>
        <translation>正在新建考试</translation>
    </message>
    <message>
        <source>Loading the demo exam</source>
        <translation>正在载入演示考试</translation>
    </message>
</context>
<context>
    <name>Exams</name>
    <message>
        <source>The database holds no exam yet; create one first (e.g. load the demo with &apos;examdesk demo&apos;).</source>
        <translation>数据库中还没有考试；请先创建考试（例如运行 “examdesk demo” 载入演示考试）。</translation>
    </message>
    <message>
        <source>The database holds several exams ({codes}); choose one with --exam CODE.</source>
        <translation>数据库中有多场考试（{codes}）；请用 --exam CODE 选择其中一场。</translation>
    </message>
    <message>
        <source>The database holds no exam yet; create one first (e.g. load the demo).</source>
        <translation>数据库中还没有考试；请先创建考试（例如载入演示考试）。</translation>
    </message>
    <message>
        <source>The database holds several exams ({codes}); choose one.</source>
        <translation>数据库中有多场考试（{codes}）；请选择其中一场。</translation>
    </message>
    <message>
        <source>No exam has the code {code}; the database holds {codes}.</source>
        <translation>没有代码为 {code} 的考试；数据库中的考试为 {codes}。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Writing {file}</source>
        <extracomment>openpyxl ships no type information; these name what the values are. Rows between two looks at the cancel flag. Rows between two progress reports. Excel&apos;s longest sheet title, in UTF-16 code units. The number format that makes Excel keep a cell as text when it is edited.</extracomment>
        <translation>正在写入 {file}</translation>
    </message>
    <message>
        <source>Saving {file}</source>
        <translation>正在保存 {file}</translation>
    </message>
    <message>
        <source>{file} is a folder; choose a file name inside it, such as {example}.</source>
        <translation>{file} 是文件夹；请在其中指定文件名，例如 {example}。</translation>
    </message>
    <message>
        <source>{file} cannot be saved because the folder {folder} does not exist; choose an existing folder or create it first.</source>
        <translation>无法保存 {file}，因为文件夹 {folder} 不存在；请选择已有的文件夹，或先创建该文件夹。</translation>
    </message>
    <message>
        <source>{file} cannot be written because it is open in another program or the folder is protected; close the file in Excel, or choose another folder, and try again.</source>
        <translation>无法写入 {file}，因为该文件已在其他程序中打开，或文件夹受保护；请在 Excel 中关闭该文件，或选择其他文件夹，然后重试。</translation>
    </message>
    <message>
        <source>{file} cannot be written ({reason}); check that the disk has free space and that you may write to the folder, and try again.</source>
        <translation>无法写入 {file}（{reason}）；请检查磁盘是否有剩余空间、是否有该文件夹的写入权限，然后重试。</translation>
    </message>
    <message>
        <source>No test center of exam {exam} has the code {code}; its centers are {codes}.</source>
        <translation>考试 {exam} 中没有编号为 {code} 的考点；该考试的考点编号为 {codes}。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Set up users</source>
        <translation>设置用户</translation>
    </message>
    <message>
        <source>Make the first administrator of this database. From then on, everyone signs in with a name and password, and the administrator gives each user a role.</source>
        <translation>设立此数据库的第一位管理员。此后每个人都须以用户名和密码登录，由管理员为每个用户授予角色。</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>设立管理员</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Creating the administrator</source>
        <translation>正在设立管理员</translation>
    </message>
</context>
<context>
    <name>Hotline</name>
    <message>
        <source>Write the call&apos;s topic, e.g. 准考证打印.</source>
        <translation>请填写咨询的问题，例如 准考证打印。</translation>
    </message>
    <message>
        <source>A topic has at most {most} characters; write the answer&apos;s details in the answer.</source>
        <translation>问题最多 {most} 个字符；详细内容请写在答复中。</translation>
    </message>
    <message>
        <source>“{phone}” is not a phone number: write its digits (with - or spaces), or leave it empty when the caller did not give one.</source>
        <translation>“{phone}”不是电话号码：请填写数字（可用 - 或空格分隔）；来电人未留号码时可不填。</translation>
    </message>
</context>
<context>
    <name>HotlinePage</name>
    <message>
        <source>The caller&apos;s phone, if given</source>
        <translation>来电号码（如有）</translation>
    </message>
    <message>
        <source>What the call is about, in a few words</source>
        <translation>咨询的问题，用几个字概括</translation>
    </message>
    <message>
        <source>What the caller was told</source>
        <translation>给来电人的答复</translation>
    </message>
    <message>
        <source>What is still to be done, e.g. call back</source>
        <translation>还需办理的事项，例如回电</translation>
    </message>
    <message>
        <source>Log the call</source>
        <translation>登记来电</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>新来电</translation>
    </message>
    <message>
        <source>Caller&apos;s phone</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Most asked</source>
        <translation>最常咨询</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>接听人</translation>
    </message>
    <message>
        <source>Only those who do exam-day work for the whole exam take hotline calls; you are signed in as %1.</source>
        <translation>只有负责全考区考务工作的人员可以登记热线来电；您当前登录的用户是 %1。</translation>
    </message>
    <message>
        <source>Reading the call log</source>
        <translation>正在读取来电记录</translation>
    </message>
    <message>
        <source>%1 calls shown, %2 with a follow-up</source>
        <translation>显示 %1 条来电，其中 %2 条有待办事项</translation>
    </message>
    <message>
        <source>Logging the call</source>
        <translation>正在登记来电</translation>
    </message>
    <message>
        <source>Call %1 logged.</source>
        <translation>已登记来电 %1。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>the name is missing</source>
        <translation>姓名为空</translation>
    </message>
    <message>
        <source>write the candidate&apos;s name as on the ID card</source>
        <extracomment>What validating a candidate sheet produced.</extracomment>
        <translation>请按身份证件填写考生姓名</translation>
    </message>
    <message>
        <source>this document type is unknown</source>
        <translation>证件类型无法识别</translation>
    </message>
    <message>
        <source>write one of: {types}</source>
        <translation>请填写以下之一：{types}</translation>
    </message>
    <message>
        <source>the ID number is missing</source>
        <translation>证件号码为空</translation>
    </message>
    <message>
        <source>write the number of the candidate&apos;s ID document</source>
        <translation>请填写考生证件的号码</translation>
    </message>
    <message>
        <source>the gender is missing</source>
        <translation>性别为空</translation>
    </message>
    <message>
        <source>write 男 or 女</source>
        <translation>请填写 男 或 女</translation>
    </message>
    <message>
        <source>the gender is not 男 or 女</source>
        <translation>性别不是“男”或“女”</translation>
    </message>
    <message>
        <source>the gender does not match the ID number (it says {gender})</source>
        <translation>性别与证件号码不符（证件号码显示为{gender}）</translation>
    </message>
    <message>
        <source>check both against the ID card and correct the wrong one</source>
        <translation>请对照身份证核对两者，并改正错误的一项</translation>
    </message>
    <message>
        <source>the level is missing</source>
        <translation>报考级别为空</translation>
    </message>
    <message>
        <source>write one of: {levels}</source>
        <translation>请填写以下之一：{levels}</translation>
    </message>
    <message>
        <source>this level is not one of the exam&apos;s levels</source>
        <translation>该级别不是本次考试的级别</translation>
    </message>
    <message>
        <source>no subject is listed</source>
        <translation>未填写报考科目</translation>
    </message>
    <message>
        <source>write the subjects the candidate registered for, separated by 、</source>
        <translation>请填写考生报考的科目，用“、”分隔</translation>
    </message>
    <message>
        <source>this subject belongs to level {other}, not {level}</source>
        <translation>该科目属于{other}级别，而不是{level}</translation>
    </message>
    <message>
        <source>correct the level or the subject</source>
        <translation>请改正报考级别或科目</translation>
    </message>
    <message>
        <source>this subject is not a subject of level {level}</source>
        <translation>该科目不是{level}级别的科目</translation>
    </message>
    <message>
        <source>this could mean {names}</source>
        <translation>可能是：{names}</translation>
    </message>
    <message>
        <source>write the full name</source>
        <translation>请填写完整名称</translation>
    </message>
    <message>
        <source>write one of: {names}</source>
        <translation>请填写以下之一：{names}</translation>
    </message>
    <message>
        <source>this is not a mobile number (11 digits starting with 1) or a landline number with its area code</source>
        <translation>不是手机号码（以1开头的11位数字），也不是带区号的固定电话</translation>
    </message>
    <message>
        <source>correct the number, or leave the cell empty</source>
        <translation>请改正号码，或留空</translation>
    </message>
    <message>
        <source>Excel stored this registration number as a number and lost digits</source>
        <translation>Excel 将此报名序号存为数字，已丢失位数</translation>
    </message>
    <message>
        <source>copy the number again from the ID card</source>
        <translation>请从原始资料重新复制该号码</translation>
    </message>
    <message>
        <source>a resident ID number has 18 characters</source>
        <translation>居民身份证号码应为18位</translation>
    </message>
    <message>
        <source>the last character (check digit) does not fit the other 17: a digit is mistyped</source>
        <translation>最后一位（校验码）与前17位不符：有数字录入错误</translation>
    </message>
    <message>
        <source>the birth date inside this ID number does not exist</source>
        <translation>该身份证号码中的出生日期不存在</translation>
    </message>
    <message>
        <source>a resident ID number is 17 digits followed by a digit or X</source>
        <translation>居民身份证号码应为17位数字加一位数字或X</translation>
    </message>
    <message>
        <source>this ID number is also in row {rows}</source>
        <extracomment>What validating a staff sheet produced.</extracomment>
        <translation>该证件号码在第 {rows} 行也出现</translation>
    </message>
    <message>
        <source>this registration number is also in row {rows}</source>
        <translation>该报名序号在第 {rows} 行也出现</translation>
    </message>
    <message>
        <source>keep one row per candidate and delete the others</source>
        <translation>每名考生只保留一行，删除其余重复行</translation>
    </message>
    <message>
        <source>Column {letter} ({header}) is not used and was ignored.</source>
        <extracomment>A seating plan made upstream: who sits where, with which ticket number. The candidate is found by ID number or registration number, the center by code or name. One center&apos;s post per row; the post roster `export posts` writes (one row per post and shift) reads back too: its rows of one post are merged, its roster columns left alone. The post roster&apos;s columns that an import of posts reads and leaves alone.</extracomment>
        <translation>{letter} 列（{header}）未使用，已忽略。</translation>
    </message>
    <message>
        <source>the header row (row {row}) has no column {columns}</source>
        <translation>表头行（第 {row} 行）缺少列：{columns}</translation>
    </message>
    <message>
        <source>add the column with one of these headers: {aliases}</source>
        <translation>请添加该列，表头可用以下名称之一：{aliases}</translation>
    </message>
    <message>
        <source>{file}: row {row} of sheet {sheet} is blank or beyond the last row; choose the row that names the columns.</source>
        <translation>{file}：工作表 {sheet} 的第 {row} 行是空行或超出了最后一行；请选择列名所在的行。</translation>
    </message>
    <message>
        <source>{file}: no header row found in the first {count} rows of sheet {sheet}; add a header row naming the columns, e.g. {examples}.</source>
        <translation>{file}：工作表 {sheet} 的前 {count} 行中找不到表头行；请添加一行列名，例如 {examples}。</translation>
    </message>
    <message>
        <source>{file}: this sheet has no field {fields}; choose among {known}.</source>
        <translation>{file}：此类表格没有字段 {fields}；请从 {known} 中选择。</translation>
    </message>
    <message>
        <source>Excel stored this ID number as a number and kept only its first 15 digits</source>
        <extracomment>Excel keeps 15 significant digits of a number; longer IDs lose their tail.</extracomment>
        <translation>Excel 将此证件号码存为数字，只保留了前15位</translation>
    </message>
    <message>
        <source>this ID number was saved in scientific notation, so its last digits are lost</source>
        <translation>此证件号码以科学计数法保存，末几位已丢失</translation>
    </message>
    <message>
        <source>format the column as text and export again</source>
        <translation>请将该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <source>{rows} and {more:,} more</source>
        <translation>{rows} 及另外 {more:,}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>column {letter}</source>
        <translation>{letter} 列</translation>
    </message>
    <message>
        <source>{column} ({header})</source>
        <translation>{column}（{header}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>{label}: {location}{value}: {what}; {fix}.</source>
        <translation>{label}：{location}{value}：{what}；{fix}。</translation>
    </message>
    <message>
        <source>{file} is in the old Excel 97-2003 format (.xls); open it in Excel and save it as an Excel workbook (.xlsx), then import that file.</source>
        <extracomment>Every OLE2 compound file (old .xls, and Office&apos;s password-encrypted .xlsx) starts so. The stream an encrypted OOXML package carries inside its OLE2 container.</extracomment>
        <translation>{file} 是旧版 Excel 97-2003 格式（.xls）；请在 Excel 中打开并另存为 Excel 工作簿（.xlsx），再导入该文件。</translation>
    </message>
    <message>
        <source>{file} is not a file ExamDesk can import; save it as an Excel workbook (.xlsx) or as CSV (.csv) and import that file.</source>
        <translation>{file} 不是 ExamDesk 可以导入的文件；请另存为 Excel 工作簿（.xlsx）或 CSV（.csv）后导入。</translation>
    </message>
    <message>
        <source>{file} does not exist; check the folder and the file name.</source>
        <translation>{file} 不存在；请检查文件夹和文件名。</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file; choose a file inside it.</source>
        <translation>{file} 是文件夹而不是文件；请选择其中的文件。</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason}); close it in other programs and check that you may read it.</source>
        <translation>无法读取 {file}（{reason}）；请在其他程序中关闭该文件，并确认有读取权限。</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a device or a pipe); save the data in a file and import that file.</source>
        <translation>{file} 不是普通文件（是设备或管道）；请把数据保存为文件后导入该文件。</translation>
    </message>
    <message>
        <source>Sheet {sheet} of {file} is empty; choose the sheet that holds the data or paste the data into it.</source>
        <translation>{file} 的工作表 {sheet} 为空；请选择包含数据的工作表，或将数据粘贴到其中。</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}</source>
        <translation>{file}，工作表 {sheet}</translation>
    </message>
    <message>
        <source>{cells} and {more} more</source>
        <translation>{cells} 等（另有 {more} 个）</translation>
    </message>
    <message>
        <source>Cells {cells} hold a formula that was never calculated (the file was not saved by Excel), so they were read as empty; open the file in Excel, save it and import it again if they matter.</source>
        <translation>单元格 {cells} 中的公式从未计算过（文件不是由 Excel 保存的），因此按空白读取；如果这些单元格有用，请在 Excel 中打开文件、保存后重新导入。</translation>
    </message>
    <message>
        <source>{where}, cell {cell}: the text is {length:,} characters long, more than an Excel cell holds ({most:,}); the file is damaged or a wrong column was pasted: shorten the cell and import the file again.</source>
        <translation>{where}，单元格 {cell}：文字长 {length:,} 个字符，超过 Excel 单元格的容量（{most:,}）；文件已损坏或粘贴错了列：请缩短该单元格后重新导入。</translation>
    </message>
    <message>
        <source>{where}, cell {cell}: the number is infinite or not a number, which no Excel cell holds (the file is damaged, or has a number of hundreds of digits); type the value again and import the file again.</source>
        <translation>{where}，单元格 {cell}：数值为无穷大或不是数字，Excel 单元格不可能存放（文件已损坏，或数字长达数百位）；请重新输入该值后重新导入。</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet}; choose one of its sheets: {sheets}.</source>
        <translation>{file} 中没有名为 {sheet} 的工作表；请选择以下工作表之一：{sheets}。</translation>
    </message>
    <message>
        <source>{file} holds no worksheet; open it in Excel and check its content.</source>
        <translation>{file} 中没有工作表；请在 Excel 中打开并检查其内容。</translation>
    </message>
    <message>
        <source>{file} is an Excel workbook, not a CSV text file; rename it to .xlsx, or save it from Excel as CSV.</source>
        <translation>{file} 是 Excel 工作簿而不是 CSV 文本文件；请将扩展名改为 .xlsx，或在 Excel 中另存为 CSV。</translation>
    </message>
    <message>
        <source>{file} is empty; export the data again and import the new file.</source>
        <translation>{file} 为空；请重新导出数据后导入新文件。</translation>
    </message>
    <message>
        <source>{file} is larger than {megabytes:,} MB, far more than an exam list holds; split it, or check that it is the right file.</source>
        <translation>{file} 大于 {megabytes:,} MB，远超考试名单的大小；请拆分该文件，或检查是否选错了文件。</translation>
    </message>
    <message>
        <source>{file} is not a text file in UTF-8 or GB18030; save it from Excel as “CSV UTF-8” and import that file.</source>
        <translation>{file} 不是 UTF-8 或 GB18030 编码的文本文件；请在 Excel 中另存为“CSV UTF-8”后导入。</translation>
    </message>
    <message>
        <source>{file} is protected by a password; open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password) and save it again.</source>
        <translation>{file} 设有密码保护；请在 Excel 中打开，取消密码（文件 &gt; 信息 &gt; 保护工作簿 &gt; 用密码进行加密）后重新保存。</translation>
    </message>
    <message>
        <source>{file} is password-protected or an old .xls workbook renamed to .xlsx; open it in Excel, remove any password and save it as an Excel workbook (.xlsx).</source>
        <translation>{file} 设有密码保护，或是改名为 .xlsx 的旧版 .xls 工作簿；请在 Excel 中打开，取消密码并另存为 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>{where}: a cell is stored at “{ref}”, which is not a cell of a worksheet (A1 to XFD1048576): the file is damaged or was not written by Excel; open it in Excel, save it again and import that file.</source>
        <translation>{where}：有单元格的位置记为“{ref}”，这不是工作表中的单元格（A1 到 XFD1048576）：文件已损坏或不是由 Excel 写出的；请在 Excel 中打开、重新保存后导入该文件。</translation>
    </message>
    <message>
        <source>{where}: a row is stored as number “{row}”, which is not a row of a worksheet (1 to 1048576): the file is damaged or was not written by Excel; open it in Excel, save it again and import that file.</source>
        <translation>{where}：有一行的行号记为“{row}”，这不是工作表中的行（1 到 1048576）：文件已损坏或不是由 Excel 写出的；请在 Excel 中打开、重新保存后导入该文件。</translation>
    </message>
    <message>
        <source>{where} holds more than {most:,} cells, more than any list ExamDesk imports; copy only the rows and columns to import to a new sheet and import that.</source>
        <translation>{where} 的单元格超过 {most:,} 个，超出任何可导入名单的规模；请只把要导入的行和列复制到新工作表后导入。</translation>
    </message>
    <message>
        <source>{where}: cell {cell} holds a value so far from A1 that the sheet would span more than {most:,} cells; delete that cell (or the rows and columns around it that hold nothing to import), save the file and import it again.</source>
        <translation>{where}：单元格 {cell} 中有值，离 A1 太远，使工作表范围超过 {most:,} 个单元格；请删除该单元格（或其周围没有导入内容的行和列），保存后重新导入。</translation>
    </message>
    <message>
        <source>{where} is not stored the way Excel stores a sheet (a cell or a tag is megabytes long); open the file in Excel, save it again and import that file.</source>
        <translation>{where} 的存储方式与 Excel 不同（某个单元格或标记长达数兆字节）；请在 Excel 中打开文件、重新保存后导入该文件。</translation>
    </message>
    <message>
        <source>{file} unpacks to more than {megabytes:,} MB in its part {part}, far more than an exam list holds (a cell with pages of text, or a damaged file); open it in Excel, delete what does not belong to the list, save it and import it again.</source>
        <translation>{file} 的组成部分 {part} 解压后超过 {megabytes:,} MB，远超考试名单的大小（某单元格含有大量文字，或文件已损坏）；请在 Excel 中打开，删除不属于名单的内容，保存后重新导入。</translation>
    </message>
    <message>
        <source>{file} is damaged or is not an Excel workbook; open it in Excel and save it again as .xlsx (or export the data again).</source>
        <translation>{file} 已损坏或不是 Excel 工作簿；请在 Excel 中打开并重新保存为 .xlsx（或重新导出数据）。</translation>
    </message>
    <message>
        <source>Problems</source>
        <extracomment>Width of the added problems column, in Excel character units.</extracomment>
        <translation>问题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列号</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>列名</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>问题说明</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>修改方法</translation>
    </message>
    <message>
        <source>Problem list</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>the test center is missing</source>
        <extracomment>The most rows, and the most columns, of seats a room may have (as the database allows). Columns of the grid laid out for a room that gives only its capacity. What validating a room sheet produced.</extracomment>
        <translation>考点为空</translation>
    </message>
    <message>
        <source>write the name of the test center the room is in</source>
        <translation>请填写考场所在考点的名称</translation>
    </message>
    <message>
        <source>the room number is missing</source>
        <translation>考场号为空</translation>
    </message>
    <message>
        <source>write the room&apos;s number, e.g. 01001</source>
        <translation>请填写考场号，例如 01001</translation>
    </message>
    <message>
        <source>this is {length} characters long, longer than the {limit} that fit</source>
        <translation>长度为 {length} 个字符，超过了最多 {limit} 个字符的限制</translation>
    </message>
    <message>
        <source>shorten it to at most {limit} characters</source>
        <translation>请缩短到不超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>this is not a floor number</source>
        <translation>不是有效的楼层</translation>
    </message>
    <message>
        <source>write the floor as a whole number, e.g. 3, or B1 for the first floor below ground</source>
        <translation>请将楼层填写为整数，例如 3；地下一层填写 B1</translation>
    </message>
    <message>
        <source>this is neither yes nor no</source>
        <translation>既不是“是”也不是“否”</translation>
    </message>
    <message>
        <source>write 是 or 否</source>
        <translation>请填写 是 或 否</translation>
    </message>
    <message>
        <source>the number of seats is not a whole number</source>
        <translation>座位数不是整数</translation>
    </message>
    <message>
        <source>a room has at least 1 seat</source>
        <translation>考场至少应有 1 个座位</translation>
    </message>
    <message>
        <source>write the number of seats candidates can use, e.g. 30</source>
        <translation>请填写考生可用的座位数，例如 30</translation>
    </message>
    <message>
        <source>the number of seat rows is not a whole number</source>
        <translation>座位行数不是整数</translation>
    </message>
    <message>
        <source>a room has 1 to {most} rows of seats</source>
        <translation>考场座位行数应为 1 到 {most}</translation>
    </message>
    <message>
        <source>write the number of rows of desks from the front to the back, e.g. 6</source>
        <translation>请填写从前到后的课桌行数，例如 6</translation>
    </message>
    <message>
        <source>the number of seat columns is not a whole number</source>
        <translation>座位列数不是整数</translation>
    </message>
    <message>
        <source>a room has 1 to {most} columns of seats</source>
        <translation>考场座位列数应为 1 到 {most}</translation>
    </message>
    <message>
        <source>write the number of desks in each row, e.g. 5</source>
        <translation>请填写每行的课桌数，例如 5</translation>
    </message>
    <message>
        <source>a room has 1 to {most} seats</source>
        <translation>考场座位数应为 1 到 {most}</translation>
    </message>
    <message>
        <source>the room&apos;s seats are not given</source>
        <translation>未填写考场座位</translation>
    </message>
    <message>
        <source>fill in {rows} and {columns} (or {capacity}), adding the columns if the sheet has none</source>
        <translation>请填写“{rows}”和“{columns}”（或“{capacity}”），工作表中没有这些列时请先添加</translation>
    </message>
    <message>
        <source>unusable seats need the room&apos;s rows and columns</source>
        <translation>填写不可用座位时，须同时填写考场的座位行数和列数</translation>
    </message>
    <message>
        <source>fill in {rows} and {columns}</source>
        <translation>请填写“{rows}”和“{columns}”</translation>
    </message>
    <message>
        <source>the number of seat columns is missing</source>
        <translation>座位列数为空</translation>
    </message>
    <message>
        <source>the number of seat rows is missing</source>
        <translation>座位行数为空</translation>
    </message>
    <message>
        <source>write both the rows and the columns of seats, or neither and only the number of seats</source>
        <translation>请同时填写座位行数和列数；或两者都不填，只填写座位数</translation>
    </message>
    <message>
        <source>the grid less the unusable seats leaves {seats} seats</source>
        <translation>按座位行列数扣除不可用座位后应为 {seats} 个座位</translation>
    </message>
    <message>
        <source>correct the number of seats or the unusable seats</source>
        <translation>请改正座位数或不可用座位</translation>
    </message>
    <message>
        <source>the grid has only {seats} seats ({rows} rows of {columns})</source>
        <translation>按座位行列数只有 {seats} 个座位（{rows} 行 × {columns} 列）</translation>
    </message>
    <message>
        <source>correct the number of seats, or the rows and columns</source>
        <translation>请改正座位数，或改正座位行数和列数</translation>
    </message>
    <message>
        <source>the grid has {seats} seats: the last {empty} at the back are left empty</source>
        <translation>按座位行列数共有 {seats} 个座位：最后面的 {empty} 个座位将空置</translation>
    </message>
    <message>
        <source>if other seats are the unusable ones, change the room&apos;s seat plan after the import</source>
        <translation>如不可用的是其他座位，请在导入后修改该考场的座位图</translation>
    </message>
    <message>
        <source>this is not a seat of the {rows} x {columns} grid</source>
        <translation>该座位不在 {rows} 行 × {columns} 列的范围内</translation>
    </message>
    <message>
        <source>an unusable seat is written as row-column</source>
        <translation>不可用座位应按“行-列”填写</translation>
    </message>
    <message>
        <source>list the seats as row-column, e.g. 6-5、6-4</source>
        <translation>请按“行-列”填写座位，例如 6-5、6-4</translation>
    </message>
    <message>
        <source>without a seat grid a room can have at most {most} seats</source>
        <translation>未填写座位行列数时，考场最多只能有 {most} 个座位</translation>
    </message>
    <message>
        <source>write the rows and columns of seats in {rows} and {columns}</source>
        <translation>请在“{rows}”和“{columns}”列中填写座位的行数和列数</translation>
    </message>
    <message>
        <source>no seat grid given; laid out as {rows} rows of {columns} columns</source>
        <translation>未填写座位行列数，已按 {rows} 行 × {columns} 列排列</translation>
    </message>
    <message>
        <source>if the desks stand otherwise, write the rows and columns in {rows} and {columns}</source>
        <translation>如课桌实际摆放不同，请在“{rows}”和“{columns}”列中填写行数和列数</translation>
    </message>
    <message>
        <source>test center {code} is named {name} in row {row}</source>
        <translation>考点 {code} 在第 {row} 行的名称为 {name}</translation>
    </message>
    <message>
        <source>write the same name in every row of the test center, or correct the code</source>
        <translation>请在该考点的每一行填写相同的名称，或改正考点编号</translation>
    </message>
    <message>
        <source>test center {name} has code {code} in row {row}</source>
        <translation>考点 {name} 在第 {row} 行的编号为 {code}</translation>
    </message>
    <message>
        <source>write the same code in every row of the test center, or correct the name</source>
        <translation>请在该考点的每一行填写相同的编号，或改正考点名称</translation>
    </message>
    <message>
        <source>the test center&apos;s address is {address} in row {row}, which is kept</source>
        <translation>该考点在第 {row} 行的地址为 {address}，将保留该地址</translation>
    </message>
    <message>
        <source>write the same address in every row of the test center</source>
        <translation>请在该考点的每一行填写相同的地址</translation>
    </message>
    <message>
        <source>this room of the test center is also in row {rows}</source>
        <translation>该考点的此考场在第 {rows} 行也出现</translation>
    </message>
    <message>
        <source>keep one row per room and delete the others, or correct the room number</source>
        <translation>每个考场只保留一行，删除其余重复行，或改正考场号</translation>
    </message>
    <message>
        <source>keep one row per person, with all the person&apos;s roles in it, and delete the others</source>
        <translation>每人只保留一行，在该行填写其全部岗位，并删除其余重复行</translation>
    </message>
    <message>
        <source>write the staff member&apos;s name as on the ID card</source>
        <translation>请按身份证件填写工作人员姓名</translation>
    </message>
    <message>
        <source>write the staff member&apos;s resident ID number</source>
        <translation>请填写工作人员的居民身份证号码</translation>
    </message>
    <message>
        <source>write one or more of: {roles}, separated by 、</source>
        <translation>请填写以下一项或多项：{roles}，用“、”分隔</translation>
    </message>
    <message>
        <source>the role is missing</source>
        <translation>岗位为空</translation>
    </message>
    <message>
        <source>this role is unknown</source>
        <translation>岗位无法识别</translation>
    </message>
    <message>
        <source>this test center is not in the exam</source>
        <translation>本次考试中没有该考点</translation>
    </message>
    <message>
        <source>import the rooms first, or correct the name</source>
        <translation>请先导入考场，或改正考点名称</translation>
    </message>
    <message>
        <source>this is the staff member&apos;s own ID number</source>
        <translation>这是该工作人员本人的身份证号码</translation>
    </message>
    <message>
        <source>write the ID numbers of the relatives sitting the exam, not the staff member&apos;s own</source>
        <translation>请填写参加本次考试、需要回避的亲属的身份证号码，不要填写本人的</translation>
    </message>
    <message>
        <source>{holder} already in the exam has “{old}” here; the import replaces it</source>
        <translation>{holder}在本次考试中此项原为“{old}”，导入后将被替换</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>if the exam&apos;s value is right, correct the file and import again</source>
        <translation>如原有的值正确，请改正文件后重新导入</translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation>正在读取 {file}</translation>
    </message>
    <message>
        <source>{file}: the exam changed since the file was checked; check it again before importing.</source>
        <extracomment>Rows per INSERT/UPDATE statement: large enough to be fast, small enough to report progress and notice a cancel often (docs/performance.md, &quot;Writing rows&quot;).</extracomment>
        <translation>{file}：检查文件之后考试数据已有变动；请重新检查后再导入。</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet} has a header row (row {row}) but no data below it; choose the sheet that holds the data, or paste the rows under the header.</source>
        <translation>{file}：工作表 {sheet} 只有表头行（第 {row} 行），下面没有数据；请选择存放数据的工作表，或把数据粘贴到表头下方。</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <extracomment>Rows checked between two progress reports (and cancel polls): about a tenth of a second. The ways a gender is written, by :func:`match_key`.</extracomment>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>this candidate</source>
        <translation>该考生</translation>
    </message>
    <message>
        <source>the exam already gives this registration number to another candidate (ID number {id})</source>
        <translation>本次考试中该报名序号已属于另一名考生（证件号码 {id}）</translation>
    </message>
    <message>
        <source>check the registration number against the registration system</source>
        <translation>请对照报名系统核对报名序号</translation>
    </message>
    <message>
        <source>Adding candidates</source>
        <translation>正在添加考生</translation>
    </message>
    <message>
        <source>Updating candidates</source>
        <translation>正在更新考生</translation>
    </message>
    <message>
        <source>Candidates</source>
        <extracomment>A candidate list: the registration system&apos;s export, one candidate per row.</extracomment>
        <translation>考生</translation>
    </message>
    <message>
        <source>import candidates from a workbook; a candidate already in the exam (same ID number) is updated</source>
        <translation>从工作簿导入考生；本次考试中已有的考生（证件号码相同）将被更新</translation>
    </message>
    <message>
        <source>{folder} is not a folder; give the folder that holds the photos.</source>
        <extracomment>Stored size, 3:4 portrait: sharp on a 25 x 33 mm seating-chart box at 300 dpi, about 20 KB a photo (120 MB for the 6,000 candidates of a district). Below this a printed photo is visibly blurred.</extracomment>
        <translation>{folder} 不是文件夹；请指定存放照片的文件夹。</translation>
    </message>
    <message>
        <source>{folder} holds no JPEG or PNG file; photos must be .jpg, .jpeg or .png files named by ID number or registration number.</source>
        <translation>{folder} 中没有 JPEG 或 PNG 文件；照片必须是以证件号码或报名序号命名的 .jpg、.jpeg 或 .png 文件。</translation>
    </message>
    <message>
        <source>no candidate of the exam has this ID number or registration number</source>
        <translation>本次考试中没有该证件号码或报名序号的考生</translation>
    </message>
    <message>
        <source>name the file by the candidate&apos;s ID number or registration number, e.g. 411602197301221048.jpg</source>
        <translation>请以考生的证件号码或报名序号命名文件，例如 411602197301221048.jpg</translation>
    </message>
    <message>
        <source>Reading photos</source>
        <translation>正在读取照片</translation>
    </message>
    <message>
        <source>this is the same candidate as {files}</source>
        <translation>与 {files} 是同一名考生</translation>
    </message>
    <message>
        <source>keep one photo per candidate and remove the others</source>
        <translation>每名考生只保留一张照片，删除其余照片</translation>
    </message>
    <message>
        <source>Files ignored because they are not .jpg, .jpeg or .png: {count}.</source>
        <translation>因不是 .jpg、.jpeg 或 .png 文件而忽略的文件：{count} 个。</translation>
    </message>
    <message>
        <source>Storing photos</source>
        <translation>正在保存照片</translation>
    </message>
    <message>
        <source>Photos</source>
        <extracomment>Candidates&apos; ID photos, from a folder.</extracomment>
        <translation>照片</translation>
    </message>
    <message>
        <source>import candidates&apos; photos: JPEG/PNG files named by ID number or registration number</source>
        <translation>导入考生照片：以证件号码或报名序号命名的 JPEG/PNG 文件</translation>
    </message>
    <message>
        <source>this file is not a readable JPEG or PNG image</source>
        <translation>该文件不是可读取的 JPEG 或 PNG 图片</translation>
    </message>
    <message>
        <source>open it in an image viewer, save it again as JPEG and import again</source>
        <translation>请用看图软件打开，另存为 JPEG 后重新导入</translation>
    </message>
    <message>
        <source>the photo is only {width} x {height} pixels and will print blurred</source>
        <translation>照片只有 {width} × {height} 像素，打印出来会模糊</translation>
    </message>
    <message>
        <source>ask the candidate for a larger photo (at least 295 x 413)</source>
        <translation>请让考生提供更大的照片（至少 295 × 413 像素）</translation>
    </message>
    <message>
        <source>this room</source>
        <translation>该考场</translation>
    </message>
    <message>
        <source>this test center</source>
        <translation>该考点</translation>
    </message>
    <message>
        <source>the exam already has a test center of this name with code {code}</source>
        <translation>本次考试中已有同名考点，其编号为 {code}</translation>
    </message>
    <message>
        <source>write the center&apos;s code {code}, or give the new center another name</source>
        <translation>请填写该考点的编号 {code}，或为新考点另取名称</translation>
    </message>
    <message>
        <source>this room is locked in the plan and cannot change</source>
        <translation>该考场在编排中已锁定，不能更改</translation>
    </message>
    <message>
        <source>unlock the room first, or leave this row as the room is</source>
        <translation>请先解锁该考场，或将此行改回该考场现有的内容</translation>
    </message>
    <message>
        <source>{count} candidates are seated in this room; its seats cannot change</source>
        <translation>该考场已编排 {count} 名考生，其座位不能更改</translation>
    </message>
    <message>
        <source>move the candidates out first, or keep the room&apos;s grid</source>
        <translation>请先将考生调出该考场，或保持该考场的座位行列数不变</translation>
    </message>
    <message>
        <source>Adding rooms</source>
        <translation>正在添加考场</translation>
    </message>
    <message>
        <source>Test centers and rooms</source>
        <extracomment>A list of test centers and rooms: one room per row, its center by code or name.</extracomment>
        <translation>考点考场</translation>
    </message>
    <message>
        <source>import test centers and rooms from a workbook</source>
        <translation>从工作簿导入考点和考场</translation>
    </message>
    <message>
        <source>Staff written</source>
        <translation>工作人员已写入</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>该人员</translation>
    </message>
    <message>
        <source>this person is also a candidate of the exam</source>
        <translation>该人员同时是本次考试的考生</translation>
    </message>
    <message>
        <source>a candidate may not work at the exam: remove the row or check the ID number</source>
        <translation>考生不得担任本次考试的工作人员：请删除该行或核对身份证号码</translation>
    </message>
    <message>
        <source>Staff</source>
        <extracomment>A staff list: one person per row, with roles, home test center and relatives (回避).</extracomment>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>import staff with their roles, home test centers and relatives&apos; ID numbers</source>
        <translation>导入工作人员及其岗位、所属考点和需回避亲属的身份证号码</translation>
    </message>
    <message>
        <source>this candidate is also in row {rows}</source>
        <extracomment>What validating a seating sheet produced.</extracomment>
        <translation>该考生在第 {rows} 行也出现</translation>
    </message>
    <message>
        <source>this ticket number is also in row {rows}</source>
        <translation>该准考证号在第 {rows} 行也出现</translation>
    </message>
    <message>
        <source>this seat is also given in row {rows}</source>
        <translation>该座位在第 {rows} 行也被分配</translation>
    </message>
    <message>
        <source>give each candidate one seat and each seat one candidate</source>
        <translation>每名考生只安排一个座位，每个座位只安排一名考生</translation>
    </message>
    <message>
        <source>add one of these columns</source>
        <translation>请添加其中一列</translation>
    </message>
    <message>
        <source>the candidate is not named</source>
        <translation>未指明考生</translation>
    </message>
    <message>
        <source>write the candidate&apos;s ID number or registration number</source>
        <translation>请填写考生的证件号码或报名序号</translation>
    </message>
    <message>
        <source>write the test center&apos;s code or name</source>
        <translation>请填写考点编号或考点名称</translation>
    </message>
    <message>
        <source>write the room number as in the room list</source>
        <translation>请按考场列表中的写法填写考场号</translation>
    </message>
    <message>
        <source>the ticket number is missing</source>
        <translation>准考证号为空</translation>
    </message>
    <message>
        <source>write the candidate&apos;s admission ticket number</source>
        <translation>请填写考生的准考证号</translation>
    </message>
    <message>
        <source>the seat number is not a whole number from 1</source>
        <translation>座位号不是正整数</translation>
    </message>
    <message>
        <source>write the seat number, e.g. 7</source>
        <translation>请填写座位号，例如 7</translation>
    </message>
    <message>
        <source>no candidate of the exam has this number</source>
        <translation>本次考试中没有该号码的考生</translation>
    </message>
    <message>
        <source>import the candidate first, or correct the number</source>
        <translation>请先导入该考生，或改正号码</translation>
    </message>
    <message>
        <source>this candidate has withdrawn</source>
        <translation>该考生已退考</translation>
    </message>
    <message>
        <source>remove the row</source>
        <translation>请删除该行</translation>
    </message>
    <message>
        <source>the exam has this candidate as {name}</source>
        <translation>本次考试中该考生的姓名为 {name}</translation>
    </message>
    <message>
        <source>check that the row is about the right candidate</source>
        <translation>请核对该行的考生是否正确</translation>
    </message>
    <message>
        <source>import the rooms first, or correct the center</source>
        <translation>请先导入考场，或改正考点</translation>
    </message>
    <message>
        <source>this test center has no room with this number</source>
        <translation>该考点没有此考场号的考场</translation>
    </message>
    <message>
        <source>import the room first, or correct the room number</source>
        <translation>请先导入该考场，或改正考场号</translation>
    </message>
    <message>
        <source>this ticket number was withdrawn and is never given again</source>
        <translation>该准考证号已作废，不能再次使用</translation>
    </message>
    <message>
        <source>give the candidate another ticket number</source>
        <translation>请为该考生改用其他准考证号</translation>
    </message>
    <message>
        <source>this seat belongs to a candidate who is not in the file</source>
        <translation>该座位已安排给文件以外的考生</translation>
    </message>
    <message>
        <source>choose a free seat, or add that candidate&apos;s row</source>
        <translation>请选择空座位，或在文件中加入该座位现有考生的行</translation>
    </message>
    <message>
        <source>this ticket number belongs to a candidate who is not in the file</source>
        <translation>该准考证号已属于文件以外的考生</translation>
    </message>
    <message>
        <source>correct the ticket number</source>
        <translation>请改正准考证号</translation>
    </message>
    <message>
        <source>Seats written</source>
        <translation>座位已写入</translation>
    </message>
    <message>
        <source>Seating plan</source>
        <extracomment>A seating plan made upstream: ticket number, center, room and seat per candidate.</extracomment>
        <translation>编排结果</translation>
    </message>
    <message>
        <source>import a seating plan made upstream (ticket number, center, room, seat per candidate), then check it</source>
        <translation>导入上级机构已编排的座位表（每名考生的准考证号、考点、考场和座位号），并进行检查</translation>
    </message>
    <message>
        <source>There is no import of {what}; choose among {kinds}.</source>
        <extracomment>The import kinds, in the order an exam is usually filled.</extracomment>
        <translation>没有 {what} 这种导入；请从 {kinds} 中选择。</translation>
    </message>
    <message>
        <source>Posts</source>
        <extracomment>The posts of the test centers: one center&apos;s post per row (the roster `export posts` writes reads back).</extracomment>
        <translation>岗位</translation>
    </message>
    <message>
        <source>import the posts of the test centers (center, post, name, place, hours, people, roles, phone, supplies); a post a center has (same kind and name) is updated</source>
        <translation>导入各考点的岗位（考点、岗位、名称、地点、开放时间、人数、人员类别、电话、物资）；考点已有的岗位（岗位与名称相同）将被更新</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>报名序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Save fix-up report…</source>
        <translation>保存问题报告…</translation>
    </message>
    <message>
        <source>Import the valid rows</source>
        <translation>导入无误的行</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the workbook (.xlsx, .xlsm) or CSV file to import, or drop it on the window. Nothing is written before you decide, after the check.</source>
        <translation>选择要导入的工作簿（.xlsx、.xlsm）或 CSV 文件，也可以把文件拖到主窗口上。检查之后由您决定，决定之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose a photo folder…</source>
        <translation>选择照片文件夹…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>It holds:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Check again with these columns</source>
        <translation>按这些列重新检查</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <source>Problems (double-click one to see its row):</source>
        <translation>问题（双击查看该行）：</translation>
    </message>
    <message>
        <source>What the valid rows add and change:</source>
        <translation>无误的行将新增和更新的内容：</translation>
    </message>
    <message>
        <source>Fix them in the seating plan area</source>
        <translation>去编排页修改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Workbooks and CSV files (*.xlsx *.xlsm *.csv)</source>
        <translation>工作簿和 CSV 文件 (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <source>Choose the folder of photos</source>
        <translation>选择照片所在的文件夹</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>(a CSV file has one table)</source>
        <translation>（CSV 文件只有一张表）</translation>
    </message>
    <message>
        <source>Guessed from the first sheet&apos;s headers; change it if it is wrong.</source>
        <translation>根据第一张工作表的表头推测；如不对请更改。</translation>
    </message>
    <message>
        <source>The headers name no known column; choose what the sheet holds.</source>
        <translation>表头中没有可识别的列；请选择这张表的内容。</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>正在检查 %1</translation>
    </message>
    <message>
        <source>%1: %2 rows read. The valid rows add %3 and change %4 (%5 unchanged). %6 rows have errors and are left out; %7 warnings.</source>
        <translation>%1：读取 %2 行。无误的行将新增 %3 条、更新 %4 条（%5 条无变化）。%6 行有错误，不会导入；警告 %7 条。</translation>
    </message>
    <message>
        <source>Choose the row that names the columns, then check again.</source>
        <translation>请选择写有列名的那一行，然后重新检查。</translation>
    </message>
    <message>
        <source>The header was found on row %1. Change the row or the column of a field, then check again.</source>
        <translation>表头在第 %1 行。可以更改表头行或某个字段所在的列，然后重新检查。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>-problems</source>
        <translation>-问题</translation>
    </message>
    <message>
        <source>Save the fix-up report</source>
        <translation>保存问题报告</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving the fix-up report</source>
        <translation>正在保存问题报告</translation>
    </message>
    <message>
        <source>Fix-up report saved: %1</source>
        <translation>问题报告已保存：%1</translation>
    </message>
    <message>
        <source>Check the file again now?</source>
        <translation>现在重新检查文件吗?</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>%1 imported: %2 added, %3 changed, %4 unchanged; %5 rows with errors were left out.</source>
        <translation>%1 已导入：新增 %2 条，更新 %3 条，%4 条无变化；%5 行有错误，未导入。</translation>
    </message>
    <message>
        <source>Checking the seating plan…</source>
        <translation>正在检查编排…</translation>
    </message>
    <message>
        <source>Checking the seating plan</source>
        <translation>检查编排</translation>
    </message>
    <message>
        <source>The plan is checked: no problems.</source>
        <translation>编排已检查：没有问题。</translation>
    </message>
    <message>
        <source>The plan is checked: %1 errors, %2 warnings. Fix them where the seating plan is made, before printing.</source>
        <translation>编排已检查：%1 个错误，%2 个警告。请在打印前到编排页修改。</translation>
    </message>
</context>
<context>
    <name>Incidents</name>
    <message>
        <source>{kind} is not a kind of incident; the kinds are {kinds}.</source>
        <translation>{kind} 不是考务事件类别；类别有 {kinds}。</translation>
    </message>
    <message>
        <source>Describe what happened.</source>
        <translation>请写明发生的情况。</translation>
    </message>
    <message>
        <source>Incident {id} was closed already by {user}.</source>
        <translation>事件 {id} 已由 {user} 结案。</translation>
    </message>
    <message>
        <source>Exam {exam} has no incident {id}.</source>
        <translation>考试 {exam} 没有事件 {id}。</translation>
    </message>
    <message>
        <source>Say what was treated.</source>
        <translation>请写明诊治的情况。</translation>
    </message>
    <message>
        <source>Name who was treated.</source>
        <translation>请写明就诊人员。</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>CENTER/ROOM (optional)</source>
        <translation>考点/考场（可不填）</translation>
    </message>
    <message>
        <source>Candidate concerned (optional)</source>
        <translation>涉及的考生（可不填）</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生的情况</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <source>Record the incident</source>
        <translation>记录事件</translation>
    </message>
    <message>
        <source>Close the selected incident</source>
        <translation>结案所选事件</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>考务事件</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People</source>
        <translation>涉及人员</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Candidate (ticket...) or name</source>
        <translation>考生（准考证号等）或姓名</translation>
    </message>
    <message>
        <source>What was treated</source>
        <translation>症状/处置</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Went back to the room</source>
        <translation>已返回考场</translation>
    </message>
    <message>
        <source>Log the treatment</source>
        <translation>记录就诊</translation>
    </message>
    <message>
        <source>Medical post</source>
        <translation>医疗点</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>就诊人员</translation>
    </message>
    <message>
        <source>Treated for</source>
        <translation>症状/处置</translation>
    </message>
    <message>
        <source>Back in the room</source>
        <translation>返回考场</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Read the incidents</source>
        <translation>读取考务事件</translation>
    </message>
    <message>
        <source>Close the incident</source>
        <translation>结案事件</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the whole list to an Excel workbook</source>
        <translation>将整个列表导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Reading the test centers</source>
        <translation>正在读取考点</translation>
    </message>
    <message>
        <source>Reading the list</source>
        <translation>正在读取列表</translation>
    </message>
    <message>
        <source>Reading the changed rows</source>
        <translation>正在读取变更的行</translation>
    </message>
    <message>
        <source>Select a row to see its details</source>
        <translation>选择一行以查看详情</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Your values are still in the form: Save over it to replace that change with them, or Cancel to take the values saved now.</source>
        <translation>您填写的内容仍在表单中：点“覆盖保存”用它们替换对方的修改，或点“取消”改用现在保存的内容。</translation>
    </message>
    <message>
        <source>Save over it</source>
        <translation>覆盖保存</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>已添加。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the list</source>
        <translation>正在导出列表</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>%1 has users: sign in to open it.</source>
        <translation>%1 设有用户：请登录后打开。</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>正在登录</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <source>Exam {exam} has no room {room}.</source>
        <translation>考试 {exam} 中没有考场 {room}。</translation>
    </message>
    <message>
        <source>{count} candidates of exam {exam} match {text} ({matches}); write the ID or registration number of the one you mean.</source>
        <translation>考试 {exam} 中有 {count} 名考生与 {text} 相符（{matches}）；请填写所指考生的身份证号或报名号。</translation>
    </message>
    <message>
        <source>{count} staff members of exam {exam} match {text} ({matches}); write the ID number of the one you mean.</source>
        <translation>考试 {exam} 中有 {count} 名工作人员与 {text} 相符（{matches}）；请填写所指人员的身份证号。</translation>
    </message>
    <message>
        <source>{count} sessions of exam {exam} are called {text} ({matches}); write the session&apos;s code.</source>
        <translation>考试 {exam} 中有 {count} 个场次名为 {text}（{matches}）；请填写场次编号。</translation>
    </message>
    <message>
        <source>{count} test centers of exam {exam} are called {text} ({matches}); write the center&apos;s code.</source>
        <translation>考试 {exam} 中有 {count} 个考点名为 {text}（{matches}）；请填写考点编号。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ExamDesk</source>
        <translation>ExamDesk 考务管理</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>监考安排</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the exam-day sheets to PDF files</source>
        <translation>将考试日各类表单生成 PDF 文件</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another database, on this computer or on a server</source>
        <translation>打开另一个数据库（本机或服务器上）</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load what the window shows again</source>
        <translation>重新载入窗口显示的内容</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import rooms, candidates, staff, posts, a seating plan or photos (or drop a file here)</source>
        <translation>导入考场、考生、工作人员、岗位、编排结果或照片（也可把文件拖到本窗口）</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>设置用户(&amp;U)…</translation>
    </message>
    <message>
        <source>Set up the users of this database: who may sign in, and with which roles</source>
        <translation>设置此数据库的用户：谁可以登录，各有什么角色</translation>
    </message>
    <message>
        <source>Change pass&amp;word…</source>
        <translation>修改密码(&amp;W)…</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user</source>
        <translation>注销/切换用户(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out, and sign in again as another user</source>
        <translation>注销，并以其他用户重新登录</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Save the whole database to one file</source>
        <translation>把整个数据库保存为一个文件</translation>
    </message>
    <message>
        <source>Res&amp;tore the database…</source>
        <translation>恢复数据库(&amp;T)…</translation>
    </message>
    <message>
        <source>Replace everything the database holds with a backup</source>
        <translation>用备份替换数据库的全部内容</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Search the list on show</source>
        <translation>在当前列表中搜索</translation>
    </message>
    <message>
        <source>&amp;Export the list…</source>
        <translation>导出列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the list on show to a workbook</source>
        <translation>把当前列表写入工作簿</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>运行(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Seat the candidates</source>
        <translation>分配座位(&amp;S)</translation>
    </message>
    <message>
        <source>Seat the candidates with the choices of the seating plan&apos;s form</source>
        <translation>按编排页表单的选择分配座位</translation>
    </message>
    <message>
        <source>&amp;Check the plan</source>
        <translation>检查编排(&amp;C)</translation>
    </message>
    <message>
        <source>Check the whole plan and list its problems</source>
        <translation>检查整个编排并列出问题</translation>
    </message>
    <message>
        <source>Make the &amp;roster</source>
        <translation>编排监考(&amp;R)</translation>
    </message>
    <message>
        <source>Roster the invigilators with the form&apos;s choices</source>
        <translation>按表单的选择编排监考</translation>
    </message>
    <message>
        <source>Staff the &amp;posts</source>
        <translation>安排岗位人员(&amp;P)</translation>
    </message>
    <message>
        <source>Staff the service posts</source>
        <translation>为服务岗位安排人员</translation>
    </message>
    <message>
        <source>&amp;Draw the rooms</source>
        <translation>抽签(&amp;D)</translation>
    </message>
    <message>
        <source>Draw the chosen center&apos;s rooms for the chosen session</source>
        <translation>为所选考点的所选场次抽签分配考场</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ExamDesk</source>
        <translation>关于 ExamDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Sign in to open the database.</source>
        <translation>请登录以打开数据库。</translation>
    </message>
    <message>
        <source>Changed the password of %1.</source>
        <translation>已修改 %1 的密码。</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>未打开数据库。</translation>
    </message>
    <message>
        <source>This database has no users, so no passwords: File → Users… makes its first administrator.</source>
        <translation>该数据库没有用户，因此没有密码：“文件 → 设置用户…”可创建其第一个管理员。</translation>
    </message>
    <message>
        <source>Change your own password</source>
        <translation>修改自己的密码</translation>
    </message>
    <message>
        <source>Loading the counts</source>
        <translation>正在载入各项数量</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>已编排</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>ExamDesk speaks %1 from its next start.</source>
        <translation>ExamDesk 下次启动时将使用%1。</translation>
    </message>
    <message>
        <source>The language changes once the work in progress has ended.</source>
        <translation>当前工作结束后即切换语言。</translation>
    </message>
    <message>
        <source>About ExamDesk</source>
        <translation>关于 ExamDesk</translation>
    </message>
    <message>
        <source>ExamDesk %1: exam logistics for examination centers.</source>
        <translation>ExamDesk %1：人事考试中心考务管理系统。</translation>
    </message>
</context>
<context>
    <name>NotAvailablePage</name>
    <message>
        <source>%1 is not available yet.</source>
        <translation>%1 暂不可用。</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>A route has at most {most} characters; this one has {length}.</source>
        <translation>乘车路线最多 {most} 个字符；现有 {length} 个。</translation>
    </message>
    <message>
        <source>The exam has no such test center.</source>
        <translation>本次考试没有这个考点。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Change the password of %1. The new password needs at least %2 characters; type it twice.</source>
        <translation>修改 %1 的密码。新密码至少需要 %2 个字符，请输入两次。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>原密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>请输入原密码。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Changing the password</source>
        <translation>正在修改密码</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Candidate {candidate} is listed twice</source>
        <translation>考生 {candidate} 重复列出</translation>
    </message>
    <message>
        <source>list each candidate once</source>
        <translation>每名考生只列一次</translation>
    </message>
    <message>
        <source>{count} candidates have the level {level}, which is not one of the exam&apos;s levels</source>
        <translation>{count} 名考生的报考级别为 {level}，不是本次考试的级别</translation>
    </message>
    <message>
        <source>correct their level, or add the level to the exam</source>
        <translation>请改正这些考生的报考级别，或在本次考试中添加该级别</translation>
    </message>
    <message>
        <source>{candidate} keeps a seat in room {room}, which is not among the rooms to plan</source>
        <translation>{candidate} 保留的座位在考场 {room}，该考场不在本次编排的考场范围内</translation>
    </message>
    <message>
        <source>reseat the candidate: leave the seat out of the kept seats</source>
        <translation>请为该考生重新编排座位：不再保留该座位</translation>
    </message>
    <message>
        <source>{room} has {capacity} seats, so the kept seat {seat} of {candidate} does not exist</source>
        <translation>考场 {room} 只有 {capacity} 个座位，{candidate} 保留的 {seat} 号座位不存在</translation>
    </message>
    <message>
        <source>{candidate} keeps two seats: {first} and {second}</source>
        <translation>{candidate} 保留了两个座位：{first} 和 {second}</translation>
    </message>
    <message>
        <source>keep one of the two seats only</source>
        <translation>两个座位只保留其中一个</translation>
    </message>
    <message>
        <source>{seat} is kept for two candidates: {first} and {second}</source>
        <translation>{seat}同时为两名考生保留：{first} 和 {second}</translation>
    </message>
    <message>
        <source>keep the seat for one of them only</source>
        <translation>该座位只为其中一名考生保留</translation>
    </message>
    <message>
        <source>{room} is a spare room, but {candidate} keeps a seat in it</source>
        <translation>考场 {room} 是备用考场，但 {candidate} 在其中保留了座位</translation>
    </message>
    <message>
        <source>clear the room&apos;s spare flag, or reseat the candidate</source>
        <translation>请取消该考场的备用标记，或为该考生重新编排座位</translation>
    </message>
    <message>
        <source>{room} would hold two levels: {candidate} ({level}) keeps a seat among {other} candidates</source>
        <translation>考场 {room} 将出现两个报考级别：{candidate}（{level}）保留的座位位于{other}考生之中</translation>
    </message>
    <message>
        <source>keep seats of one level only in each room</source>
        <translation>每个考场只保留同一报考级别的座位</translation>
    </message>
    <message>
        <source>{count} {level} candidates of {room} merged into the level&apos;s other rooms</source>
        <translation>考场 {room} 的 {count} 名{level}考生已并入该级别的其他考场</translation>
    </message>
    <message>
        <source>Seating {level} candidates</source>
        <translation>正在编排{level}考生座位</translation>
    </message>
    <message>
        <source>District {district}: {level} needs {count} more accessible seats</source>
        <translation>{district}：{level}还需 {count} 个无障碍考场座位</translation>
    </message>
    <message>
        <source>mark another room of at least {count} seats in district {district} accessible</source>
        <translation>请在{district}再将一个至少有 {count} 个座位的考场设为无障碍考场</translation>
    </message>
    <message>
        <source>{level} needs {count} more accessible seats</source>
        <translation>{level}还需 {count} 个无障碍考场座位</translation>
    </message>
    <message>
        <source>mark another room of at least {count} seats accessible</source>
        <translation>请再将一个至少有 {count} 个座位的考场设为无障碍考场</translation>
    </message>
    <message>
        <source>add a room of at least {count} seats</source>
        <translation>请增设一个至少有 {count} 个座位的考场</translation>
    </message>
    <message>
        <source>add rooms with at least {count} seats in all</source>
        <translation>请增设考场，合计至少 {count} 个座位</translation>
    </message>
    <message>
        <source>{count} {level} candidates have no seat</source>
        <translation>{count} 名{level}考生没有座位</translation>
    </message>
    <message>
        <source>{count} {level} candidates have no seat: the exam&apos;s {free} other free seats are in rooms of other levels</source>
        <translation>{count} 名{level}考生没有座位：本次考试其余 {free} 个空座位都在其他报考级别的考场中</translation>
    </message>
    <message>
        <source>District {district} needs {count} more {level} seats</source>
        <translation>{district}还需 {count} 个{level}座位</translation>
    </message>
    <message>
        <source>add a room of at least {count} seats in district {district}</source>
        <translation>请在{district}增设一个至少有 {count} 个座位的考场</translation>
    </message>
    <message>
        <source>add rooms with at least {count} seats in all in district {district}</source>
        <translation>请在{district}增设考场，合计至少 {count} 个座位</translation>
    </message>
    <message>
        <source>add a room of at least {count} seats in district {district}, or move {count} candidates to district {other}, which has {free} free seats</source>
        <translation>请在{district}增设一个至少有 {count} 个座位的考场，或将 {count} 名考生调到{other}（该地区有 {free} 个空座位）</translation>
    </message>
    <message>
        <source>move {part} candidates to district {other}, which has {free} free seats, and add rooms for the other {rest} in district {district}</source>
        <translation>请将 {part} 名考生调到{other}（该地区有 {free} 个空座位），并在{district}为其余 {rest} 名考生增设考场</translation>
    </message>
    <message>
        <source>(no district)</source>
        <translation>（未设地区）</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Names listed in one issue before &quot;and N more&quot;.</extracomment>
        <translation>，</translation>
    </message>
    <message>
        <source>{names} and {more} more</source>
        <translation>{names}，另有 {more} 个</translation>
    </message>
    <message>
        <source>candidate {id}</source>
        <translation>考生 {id}</translation>
    </message>
    <message>
        <source>test center {code}</source>
        <translation>考点 {code}</translation>
    </message>
    <message>
        <source>seat {seat} of {room}</source>
        <translation>考场 {room} 的 {seat} 号座位</translation>
    </message>
    <message>
        <source>{rows} rows x {columns} columns less {unusable} unusable desks</source>
        <translation>{rows} 行 × {columns} 列，扣除 {unusable} 个不可用座位</translation>
    </message>
    <message>
        <source>{rows} rows x {columns} columns</source>
        <translation>{rows} 行 × {columns} 列</translation>
    </message>
    <message>
        <source>{room}, which has {free} free seats for them</source>
        <translation>考场 {room}（有 {free} 个空座位可供安排）</translation>
    </message>
    <message>
        <source>{seat} (ticket {ticket}) is given to candidate id {id}, who withdrew or is not in the exam</source>
        <translation>{seat}（准考证号 {ticket}）分配给了考生 ID {id}，该考生已退考或不在本次考试中</translation>
    </message>
    <message>
        <source>clear the seat, or restore the candidate if they did not withdraw</source>
        <translation>请清空该座位；如该考生并未退考，请恢复该考生</translation>
    </message>
    <message>
        <source>candidate id {id}</source>
        <translation>考生 ID {id}</translation>
    </message>
    <message>
        <source>{count} seats are in room id {id}, which is not one of the exam&apos;s rooms: {names}</source>
        <translation>{count} 个座位位于考场 ID {id}，该考场不属于本次考试：{names}</translation>
    </message>
    <message>
        <source>seat {seat} of room id {id}</source>
        <translation>考场 ID {id} 的 {seat} 号座位</translation>
    </message>
    <message>
        <source>{who} has {count} seats: {seats}; a candidate sits in one seat for all sessions</source>
        <translation>{who} 有 {count} 个座位：{seats}；考生在所有场次中只使用一个座位</translation>
    </message>
    <message>
        <source>keep one of the seats and clear the others</source>
        <translation>请保留其中一个座位，清空其余座位</translation>
    </message>
    <message>
        <source>{count} {level} candidates of district {district} have no seat: {names}</source>
        <translation>{district}有 {count} 名{level}考生没有座位：{names}</translation>
    </message>
    <message>
        <source>{count} {level} candidates have no seat: {names}</source>
        <translation>{count} 名{level}考生没有座位：{names}</translation>
    </message>
    <message>
        <source>add the room to the exam if it is missing, or clear these seats and {allocate}</source>
        <translation>如缺少该考场，请将其添加到本次考试；或清空这些座位，再{allocate}</translation>
    </message>
    <message>
        <source>{allocate}: district {district} has {free} free seats in rooms of that level or empty rooms</source>
        <translation>请{allocate}：{district}在该级别的考场和空考场中有 {free} 个空座位</translation>
    </message>
    <message>
        <source>{allocate}: the exam has {free} free seats in rooms of that level or empty rooms</source>
        <translation>请{allocate}：本次考试在该级别的考场和空考场中有 {free} 个空座位</translation>
    </message>
    <message>
        <source>add a room of at least {short} seats (or mark a spare room as usable), then {allocate}: only {free} seats are free in rooms of that level or empty rooms</source>
        <translation>请增设一个至少有 {short} 个座位的考场（或将备用考场设为可用），然后{allocate}：该级别的考场和空考场中只有 {free} 个空座位</translation>
    </message>
    <message>
        <source>add a room of at least {short} seats, then {allocate}: only {free} seats are free in rooms of that level or empty rooms</source>
        <translation>请增设一个至少有 {short} 个座位的考场，然后{allocate}：该级别的考场和空考场中只有 {free} 个空座位</translation>
    </message>
    <message>
        <source>{center} needs {short} more {level} seats for the candidates of district {district}</source>
        <translation>{center} 还需 {short} 个{level}座位，才能安排{district}的考生</translation>
    </message>
    <message>
        <source>the test centers of district {district} ({centers}) need {short} more {level} seats</source>
        <translation>{district}的考点（{centers}）还需 {short} 个{level}座位</translation>
    </message>
    <message>
        <source>district {district} has no test center for its {short} {level} candidates without a seat</source>
        <translation>{district}没有考点可安排该地区 {short} 名尚无座位的{level}考生</translation>
    </message>
    <message>
        <source>district {district}</source>
        <translation>{district}</translation>
    </message>
    <message>
        <source>add a room of at least {short} seats to {here} or move {short} candidates to {other}, which has {free} free {level} seats</source>
        <translation>请为 {here} 增设一个至少有 {short} 个座位的考场，或将 {short} 名考生调到 {other}（该考点有 {free} 个{level}空座位）</translation>
    </message>
    <message>
        <source>add a room of at least {short} seats to {here}</source>
        <translation>请为 {here} 增设一个至少有 {short} 个座位的考场</translation>
    </message>
    <message>
        <source>spare room {room} holds {count} candidates: {names}; spare rooms stay empty for emergencies</source>
        <translation>备用考场 {room} 中安排了 {count} 名考生：{names}；备用考场应保持空置，以备应急</translation>
    </message>
    <message>
        <source>move them to other rooms, or clear the room&apos;s spare mark if it is to be used</source>
        <translation>请将这些考生调到其他考场；如需使用该考场，请取消其备用标记</translation>
    </message>
    <message>
        <source>{who} needs an accessible room but sits in {seat}, which is not accessible</source>
        <translation>{who} 需要无障碍考场，但被安排在{seat}，该考场不是无障碍考场</translation>
    </message>
    <message>
        <source>move {who} to {room}</source>
        <translation>请将 {who} 调到{room}</translation>
    </message>
    <message>
        <source>no accessible room has a free {level} seat: mark an accessible room as such, or empty one</source>
        <translation>没有无障碍考场有空的{level}座位：请将具备无障碍条件的考场设为无障碍考场，或腾空一个无障碍考场</translation>
    </message>
    <message>
        <source>{who} sits on seat {seat} of {room}, which does not exist: the room has {capacity} seats ({grid})</source>
        <translation>{who} 被安排在考场 {room} 的 {seat} 号座位，该座位不存在：该考场只有 {capacity} 个座位（{grid}）</translation>
    </message>
    <message>
        <source>{seat} is given to {count} candidates: {names}</source>
        <translation>{seat}分配给了 {count} 名考生：{names}</translation>
    </message>
    <message>
        <source>{who} to seat {seat}</source>
        <translation>{who} 调到 {seat} 号座位</translation>
    </message>
    <message>
        <source>move {moves}, free in this room</source>
        <translation>请将 {moves}（均为本考场的空座位）</translation>
    </message>
    <message>
        <source>move {names} to {room}</source>
        <translation>请将 {names} 调到{room}</translation>
    </message>
    <message>
        <source>move {names} to another room: no room of their level has a free seat, add one</source>
        <translation>请将 {names} 调到其他考场：该级别已没有考场有空座位，请增设一个考场</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{room} holds {held} candidates but has {capacity} seats ({grid}): {count} of them sit on a seat that does not exist or is taken: {names}</source>
        <translation>考场 {room} 安排了 {held} 名考生，但只有 {capacity} 个座位（{grid}）：其中 {count} 名考生的座位不存在或已被占用：{names}</translation>
    </message>
    <message>
        <source>move {excess} of them to {room}</source>
        <translation>请将其中 {excess} 名考生调到{room}</translation>
    </message>
    <message>
        <source>move {excess} of them to other {level} rooms (none has {excess} free seats: add a room)</source>
        <translation>请将其中 {excess} 名考生调到其他{level}考场（没有考场有 {excess} 个空座位：请增设考场）</translation>
    </message>
    <message>
        <source>give the other {rest} the free seats {seats} of this room</source>
        <translation>请为其余 {rest} 名考生安排本考场的 {seats} 号空座位</translation>
    </message>
    <message>
        <source>{level} {count}</source>
        <translation>{level} {count} 名</translation>
    </message>
    <message>
        <source>{room} holds candidates of {count} levels ({levels}); levels sit in separate rooms because their papers and end times differ</source>
        <translation>考场 {room} 安排了 {count} 个报考级别的考生（{levels}）；不同级别的试卷和结束时间不同，应分考场安排</translation>
    </message>
    <message>
        <source>{count} {level}</source>
        <translation>{count} 名{level}考生</translation>
    </message>
    <message>
        <source>move the {moved} candidates to {room}</source>
        <translation>请将这 {moved}调到{room}</translation>
    </message>
    <message>
        <source>move the {moved} candidates to rooms of their own level or empty rooms</source>
        <translation>请将这 {moved}调到本级别的考场或空考场</translation>
    </message>
    <message>
        <source>{room} is in district {district} but holds {count} candidates of other districts: {names}</source>
        <translation>考场 {room} 位于{district}，但安排了 {count} 名其他地区的考生：{names}</translation>
    </message>
    <message>
        <source>{who} ({district})</source>
        <translation>{who}（{district}）</translation>
    </message>
    <message>
        <source>move them to {room}</source>
        <translation>请将这些考生调到{room}</translation>
    </message>
    <message>
        <source>move them to test centers of their own districts</source>
        <translation>请将这些考生调到其所在地区的考点</translation>
    </message>
    <message>
        <source>seats {a} and {b}, {unit}</source>
        <translation>{a} 号和 {b} 号座位，{unit}</translation>
    </message>
    <message>
        <source>{room} has {pairs} pairs of neighbouring candidates from the same work unit (e.g. {example}); colleagues side by side can help each other</source>
        <translation>考场 {room} 有 {pairs} 对相邻座位的考生来自同一工作单位（例如 {example}）；同事相邻而坐可能相互帮助</translation>
    </message>
    <message>
        <source>swap one candidate of each pair with a candidate from another work unit</source>
        <translation>请将每对中的一名考生与其他工作单位的考生互换座位</translation>
    </message>
    <message>
        <source>{count} more seats share a ticket number with another seat</source>
        <translation>另有 {count} 个座位与其他座位的准考证号重复</translation>
    </message>
    <message>
        <source>The ticket number&apos;s {field} field has {width} digits, but {value} needs {needed}</source>
        <translation>准考证号的 {field} 字段为 {width} 位，但 {value} 需要 {needed} 位</translation>
    </message>
    <message>
        <source>widen the {field} field of the exam&apos;s ticket pattern to {needed} digits</source>
        <translation>请将本次考试准考证号规则中的 {field} 字段加宽到 {needed} 位</translation>
    </message>
    <message>
        <source>{room} seat {seat:02d}</source>
        <translation>考场 {room} 的 {seat:02d} 号座位</translation>
    </message>
    <message>
        <source>add the center field to the ticket pattern, or number rooms across the exam with the exam_room field</source>
        <translation>请在准考证号规则中添加 center 字段，或用 exam_room 字段在全考试范围内统一为考场编号</translation>
    </message>
    <message>
        <source>add the room or exam_room field to the ticket pattern</source>
        <translation>请在准考证号规则中添加 room 或 exam_room 字段</translation>
    </message>
    <message>
        <source>a kept seat has a number from an earlier pattern: reseat that candidate, or restore the earlier pattern</source>
        <translation>保留的座位使用的是按原准考证号规则生成的号码：请为该考生重新编排座位，或恢复原来的准考证号规则</translation>
    </message>
    <message>
        <source>add fields that tell the two seats apart (center, room or exam_room) to the ticket pattern, or widen them</source>
        <translation>请在准考证号规则中添加能区分这两个座位的字段（center、room 或 exam_room），或加宽这些字段</translation>
    </message>
    <message>
        <source>{first} and {second} would both have the ticket number {ticket}</source>
        <translation>{first} 和 {second} 的准考证号将同为 {ticket}</translation>
    </message>
    <message>
        <source>{message}: {fix}</source>
        <translation>{message}：{fix}</translation>
    </message>
    <message>
        <source>none of the {count} ticket numbers is what the exam&apos;s ticket pattern makes (fields that differ: {fields}), e.g. {example}</source>
        <translation>{count} 个准考证号均与本次考试准考证号规则生成的号码不符（不同的字段：{fields}），例如 {example}</translation>
    </message>
    <message>
        <source>if the numbers came from an upstream plan, set the exam&apos;s ticket pattern to theirs; otherwise give every seat the number the pattern makes</source>
        <translation>如这些号码来自上级编排，请将本次考试的准考证号规则设为与其一致；否则请为每个座位使用按规则生成的号码</translation>
    </message>
    <message>
        <source>{count} ticket numbers in {room} are not what the exam&apos;s ticket pattern makes: {examples}</source>
        <translation>考场 {room} 中有 {count} 个准考证号与本次考试准考证号规则生成的号码不符：{examples}</translation>
    </message>
    <message>
        <source>give these seats the numbers the pattern makes, or correct the exam&apos;s ticket pattern if the numbers are right</source>
        <translation>请为这些座位使用按规则生成的号码；如号码无误，请改正本次考试的准考证号规则</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>{actual} characters where the pattern makes {expected}</source>
        <translation>长度为 {actual} 位，按规则应为 {expected} 位</translation>
    </message>
    <message>
        <source>{field} field {actual} instead of {expected}</source>
        <translation>{field} 字段为 {actual}，应为 {expected}</translation>
    </message>
    <message>
        <source>{who} on seat {seat} has {actual}, should be {expected} ({diff})</source>
        <translation>{seat} 号座位的 {who} 准考证号为 {actual}，应为 {expected}（{diff}）</translation>
    </message>
    <message>
        <source>the exam&apos;s ticket pattern is too narrow for this exam ({fields}): {count} seats cannot get a number</source>
        <translation>本次考试的准考证号规则位数不足（{fields}）：{count} 个座位无法生成准考证号</translation>
    </message>
    <message>
        <source>the {field} field has {width} digits but {value} needs {needed}</source>
        <translation>{field} 字段为 {width} 位，但 {value} 需要 {needed} 位</translation>
    </message>
    <message>
        <source>widen {fields} in the exam&apos;s ticket pattern, then renumber the tickets</source>
        <translation>请在本次考试的准考证号规则中将 {fields}，然后重新生成准考证号</translation>
    </message>
    <message>
        <source>the {field} field to {needed} digits</source>
        <translation>{field} 字段加宽到 {needed} 位</translation>
    </message>
    <message>
        <source>give {who} the number the pattern makes, {expected}</source>
        <translation>请为 {who} 使用按规则生成的号码 {expected}</translation>
    </message>
    <message>
        <source>move {who} to another seat and leave this one empty: its number may not be given again</source>
        <translation>请将 {who} 调到其他座位，并空出此座位：此座位的准考证号不能再次使用</translation>
    </message>
    <message>
        <source>{who} on {seat} has ticket {ticket}, which was issued once and withdrawn</source>
        <translation>{seat}的 {who} 使用准考证号 {ticket}，该号码曾经发放并已作废</translation>
    </message>
    <message>
        <source>{who} on {seat}</source>
        <translation>{seat}的 {who}</translation>
    </message>
    <message>
        <source>{who}: {expected}</source>
        <translation>{who}：{expected}</translation>
    </message>
    <message>
        <source>ticket {ticket} is on {count} seats: {seats}</source>
        <translation>准考证号 {ticket} 出现在 {count} 个座位上：{seats}</translation>
    </message>
    <message>
        <source>keep {ticket} for {who} and give the others the numbers the pattern makes ({fixes})</source>
        <translation>请保留 {who} 的 {ticket}，其他考生使用按规则生成的号码（{fixes}）</translation>
    </message>
    <message>
        <source>add the level field to the exam&apos;s ticket pattern, then renumber the tickets</source>
        <translation>请在本次考试的准考证号规则中添加 level 字段，然后重新生成准考证号</translation>
    </message>
    <message>
        <source>add the center field to the exam&apos;s ticket pattern, or use exam_room in place of room, then renumber the tickets</source>
        <translation>请在本次考试的准考证号规则中添加 center 字段，或用 exam_room 代替 room，然后重新生成准考证号</translation>
    </message>
    <message>
        <source>add the room field to the exam&apos;s ticket pattern, then renumber the tickets</source>
        <translation>请在本次考试的准考证号规则中添加 room 字段，然后重新生成准考证号</translation>
    </message>
    <message>
        <source>give the rooms distinct numbers ({a} and {b} are both number {number} of their test center, exam room {exam_room}), then renumber the tickets</source>
        <translation>请为这些考场设置不同的序号（考场 {a} 和考场 {b} 都是所在考点的第 {number} 个考场，全考试序号均为 {exam_room}），然后重新生成准考证号</translation>
    </message>
    <message>
        <source>the exam&apos;s ticket pattern gives {count} numbers to more than one seat, e.g. {ticket} to {a} and {b}: it does not tell these rooms apart</source>
        <translation>本次考试的准考证号规则使 {count} 个号码对应多个座位，例如{a}和{b}的号码都是 {ticket}：该规则无法区分这些考场</translation>
    </message>
    <message>
        <source>seat the candidates again, keeping everyone else&apos;s seat</source>
        <translation>为这些考生重新编排座位（其他考生座位不变）</translation>
    </message>
    <message>
        <source>seat them, keeping everyone else&apos;s seat</source>
        <translation>为其编排座位（其他考生座位不变）</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Seat the candidates</source>
        <translation>分配座位</translation>
    </message>
    <message>
        <source>All test centers</source>
        <translation>全部考点</translation>
    </message>
    <message>
        <source>Test center:</source>
        <translation>考点：</translation>
    </message>
    <message>
        <source>a new seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <source>The same data and seed give the same plan</source>
        <translation>相同的数据和种子得到相同的编排</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Seat only candidates without a seat; everyone else stays where they are</source>
        <translation>只为没有座位的考生分配座位，其他考生座位不变</translation>
    </message>
    <message>
        <source>Seat order and ticket numbers…</source>
        <translation>座位号顺序和准考证号规则…</translation>
    </message>
    <message>
        <source>They are the exam&apos;s settings</source>
        <translation>这些是考试设置</translation>
    </message>
    <message>
        <source>Check the plan</source>
        <translation>检查编排</translation>
    </message>
    <message>
        <source>test centers</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>All: sessions</source>
        <translation>全部：场次</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>severities</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Problems of the plan</source>
        <translation>编排问题</translation>
    </message>
    <message>
        <source>Read the seating plan</source>
        <translation>读取编排</translation>
    </message>
    <message>
        <source>Problems of the plan: {errors} errors, {warnings} warnings</source>
        <translation>编排问题：{errors} 个错误，{warnings} 个警告</translation>
    </message>
    <message>
        <source>Candidates have seats already. Seating them again changes their seats and ticket numbers (of the chosen test center), and sheets already printed or sent must be printed again.</source>
        <translation>已有考生安排了座位。重新分配会改变他们的座位和准考证号（所选考点的），已打印或已发出的表单需要重新打印。</translation>
    </message>
    <message>
        <source>Seat them again</source>
        <translation>重新分配</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{errors} errors, {warnings} warnings in the plan.</source>
        <translation>编排中有 {errors} 个错误，{warnings} 个警告。</translation>
    </message>
</context>
<context>
    <name>Posts</name>
    <message>
        <source>{what}; {fix}.</source>
        <translation>{what}；{fix}。</translation>
    </message>
    <message>
        <source>write one of: {kinds}</source>
        <translation>请填写以下之一：{kinds}</translation>
    </message>
    <message>
        <source>{text} is not a kind of post</source>
        <translation>{text} 不是岗位类别</translation>
    </message>
    <message>
        <source>{text} cannot be read as hours</source>
        <translation>{text} 不是有效的开放时间</translation>
    </message>
    <message>
        <source>{items} is not a role</source>
        <translation>{items} 不是人员类别</translation>
    </message>
    <message>
        <source>{text} has no quantity</source>
        <translation>{text} 没有数量</translation>
    </message>
    <message>
        <source>{count} is not a number of people</source>
        <translation>{count} 不是有效的人数</translation>
    </message>
    <message>
        <source>write how many people the post needs in each session, 0 to {most}</source>
        <translation>请填写该岗位每场需要的人数，0 至 {most}</translation>
    </message>
    <message>
        <source>write the hours as 07:30-17:00, or nothing for none</source>
        <translation>请按 07:30-17:00 的格式填写开放时间，不设开放时间则留空</translation>
    </message>
    <message>
        <source>write each supply with its quantity and unit, as 急救箱 2 个, separated by 、</source>
        <translation>每项物资写明数量和单位，如 急救箱 2 个，多项用“、”分隔</translation>
    </message>
    <message>
        <source>this post is also in row {row}, with other values</source>
        <extracomment>What validating a post sheet produced.</extracomment>
        <translation>该岗位在第 {row} 行也有，但内容不同</translation>
    </message>
    <message>
        <source>give the rows of one post the same values, or the posts different names</source>
        <translation>同一岗位的各行内容须一致，或为不同岗位填写不同名称</translation>
    </message>
    <message>
        <source>correct the value</source>
        <translation>请更正该值</translation>
    </message>
    <message>
        <source>the test center is missing</source>
        <translation>考点为空</translation>
    </message>
    <message>
        <source>write the test center&apos;s code or name</source>
        <translation>请填写考点编号或考点名称</translation>
    </message>
    <message>
        <source>A post&apos;s name</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <source>A post&apos;s place</source>
        <translation>岗位地点</translation>
    </message>
    <message>
        <source>A post needs 0 to {most} people per session, not {count}.</source>
        <translation>岗位每场人数应为 0 至 {most}，不能是 {count}。</translation>
    </message>
    <message>
        <source>A post&apos;s hours must end after they start, not {opens}-{closes}.</source>
        <translation>岗位的结束时间须晚于开始时间，{opens}-{closes} 不正确。</translation>
    </message>
    <message>
        <source>The supply {item} is listed twice; list each item once.</source>
        <translation>物资 {item} 重复列出；每项物资只列一次。</translation>
    </message>
    <message>
        <source>Name each supply, e.g. 急救箱 2 个.</source>
        <translation>请写明每项物资的名称，如 急救箱 2 个。</translation>
    </message>
    <message>
        <source>A supply&apos;s name</source>
        <translation>物资名称</translation>
    </message>
    <message>
        <source>The unit of {item}</source>
        <translation>{item} 的单位</translation>
    </message>
    <message>
        <source>The supply {item} has a negative quantity; use 0 or more.</source>
        <translation>物资 {item} 的数量为负数；请填写 0 或以上。</translation>
    </message>
    <message>
        <source>{what} has at most {most} characters, not {length}.</source>
        <translation>{what}最多 {most} 个字符，不能是 {length} 个。</translation>
    </message>
    <message>
        <source>A post&apos;s phone</source>
        <translation>岗位电话</translation>
    </message>
    <message>
        <source>this post</source>
        <translation>该岗位</translation>
    </message>
    <message>
        <source>Posts written</source>
        <translation>岗位已写入</translation>
    </message>
    <message>
        <source>A standard post takes the phone of each center; set a post&apos;s phone on the post itself.</source>
        <translation>标准岗位使用各考点的电话；岗位电话请在具体岗位上设置。</translation>
    </message>
    <message>
        <source>The exam already has a standard post {post}.</source>
        <translation>考试已有标准岗位{post}。</translation>
    </message>
    <message>
        <source>The exam has no standard post {post}; its standard posts are {posts}.</source>
        <translation>考试没有标准岗位{post}；现有标准岗位：{posts}。</translation>
    </message>
    <message>
        <source>Test center {center} already has the post {post}; change it with edit, or give the new post a name.</source>
        <translation>考点 {center} 已有岗位{post}；请用 edit 修改，或为新岗位另起名称。</translation>
    </message>
    <message>
        <source>Say what to change: the name, place, hours, people, roles, phone or supplies.</source>
        <translation>请说明要修改的内容：名称、地点、开放时间、人数、人员类别、电话或物资。</translation>
    </message>
    <message>
        <source>Test center {center} already has the post {post}.</source>
        <translation>考点 {center} 已有岗位{post}。</translation>
    </message>
    <message>
        <source>The post {post} of test center {center} has {count} duties set by hand ({names}); unlock them first, or remove the post with them.</source>
        <translation>考点 {center} 的岗位{post}有 {count} 条手动安排（{names}）；请先解锁，或连同这些安排一并删除岗位。</translation>
    </message>
    <message>
        <source>{center} {post} ({shift}): {filled} of {required} people on duty</source>
        <translation>{center} {post}（{shift}）：需 {required} 人，在岗 {filled} 人</translation>
    </message>
    <message>
        <source>{staff}, or add {roles} to {center}</source>
        <translation>请{staff}，或为 {center} 增加{roles}</translation>
    </message>
    <message>
        <source>{staff}; duties set by hand must be unlocked first</source>
        <translation>请{staff}；手动安排的须先解锁</translation>
    </message>
    <message>
        <source>{staff}, or give the person one of the post&apos;s roles</source>
        <translation>请{staff}，或为此人增加该岗位的人员类别</translation>
    </message>
    <message>
        <source>{center} {post}: {people} people on duty in {sessions}, when the post is not staffed (the center holds no exam then, or the post is closed)</source>
        <translation>{center} {post}：{sessions} 安排了 {people} 人，但该岗位此时不设岗（考点该场次无考试，或岗位未开放）</translation>
    </message>
    <message>
        <source>{person} staffs {center} {post} in {session} but is not one of its {roles}</source>
        <translation>{person} 在{session}值守{center} {post}，但不是该岗位的{roles}</translation>
    </message>
    <message>
        <source>{center} holds the exam but has no service, medical or security post</source>
        <translation>{center} 承担考试，但没有任何服务、医疗或安保岗位</translation>
    </message>
    <message>
        <source>make its standard posts (examdesk posts init --center {code})</source>
        <translation>请建立其标准岗位（examdesk posts init --center {code}）</translation>
    </message>
    <message>
        <source>Test center {center} has no post {post}; its posts are {posts}.</source>
        <translation>考点 {center} 没有岗位{post}；现有岗位：{posts}。</translation>
    </message>
    <message>
        <source>staff the posts again</source>
        <translation>重新安排岗位人员</translation>
    </message>
    <message>
        <source>make its standard posts</source>
        <translation>请建立其标准岗位</translation>
    </message>
</context>
<context>
    <name>PostsPage</name>
    <message>
        <source>Staff the test centers</source>
        <translation>安排考点人员</translation>
    </message>
    <message>
        <source>All test centers</source>
        <translation>全部考点</translation>
    </message>
    <message>
        <source>who holds the draw (default: the center&apos;s chief examiner)</source>
        <translation>主持抽签的人（默认：考点主考）</translation>
    </message>
    <message>
        <source>a new seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <source>Test center and session:</source>
        <translation>考点和场次：</translation>
    </message>
    <message>
        <source>Draw held by:</source>
        <translation>抽签主持人：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Make the roster</source>
        <translation>编排监考</translation>
    </message>
    <message>
        <source>Staff the posts</source>
        <translation>安排岗位人员</translation>
    </message>
    <message>
        <source>Draw the rooms</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Posts…</source>
        <translation>岗位值班表…</translation>
    </message>
    <message>
        <source>Duties…</source>
        <translation>监考安排…</translation>
    </message>
    <message>
        <source>Supplies…</source>
        <translation>物资清单…</translation>
    </message>
    <message>
        <source>test centers</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>kinds</source>
        <translation>岗位类型</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Posts and supplies</source>
        <translation>岗位物资</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>监考安排</translation>
    </message>
    <message>
        <source>Read the posts and duties</source>
        <translation>读取岗位和监考安排</translation>
    </message>
    <message>
        <source>(choose a test center to draw)</source>
        <translation>（选择考点后可抽签）</translation>
    </message>
    <message>
        <source>(it holds no session)</source>
        <translation>（该考点没有场次）</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>duties</source>
        <translation>监考安排</translation>
    </message>
    <message>
        <source>supplies</source>
        <translation>物资清单</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Wrote {rows} rows to {path}</source>
        <translation>已写入 {rows} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>PrintForm</name>
    <message>
        <source>Today, or the exam&apos;s last day before today</source>
        <translation>今天（或考试此前的最后一天）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Test center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Exam day</source>
        <translation>考试日期</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>All test centers</source>
        <translation>全部考点</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>No room holds seated candidates yet: seat the candidates first.</source>
        <translation>尚无考场安排考生：请先编排考生座位。</translation>
    </message>
    <message>
        <source>Nobody sits a paper here in session %1: choose another session.</source>
        <translation>此处在场次 %1 无人考试：请另选场次。</translation>
    </message>
    <message>
        <source>Nobody is on duty here yet: make the roster first.</source>
        <translation>此处尚无人值班：请先编排工作人员。</translation>
    </message>
    <message>
        <source>No draw has been held yet: the draw result can be printed once the session&apos;s morning draw is held.</source>
        <translation>尚未抽签：各场次早上抽签后才能打印抽签结果。</translation>
    </message>
    <message>
        <source>This test center has no service posts: add its posts first.</source>
        <translation>该考点没有服务岗位：请先添加岗位。</translation>
    </message>
    <message>
        <source>Your role prints no sheets with personal data: only door lists, seating charts and center summaries.</source>
        <translation>您的角色不能打印含个人信息的表格：只能打印考场门贴、座位表和考点情况汇总表。</translation>
    </message>
    <message>
        <source>There is nothing to print here.</source>
        <translation>此处没有可打印的内容。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created (%2): choose another folder with Browse….</source>
        <translation>无法创建文件夹 %1（%2）：请点“浏览…”另选文件夹。</translation>
    </message>
    <message>
        <source>%1 cannot be written: it is open in another program (a PDF viewer?) or the folder is protected. Close it, or choose another folder, and print again.</source>
        <translation>无法写入 %1：文件正被其他程序（PDF 阅读器？）打开，或文件夹受保护。请关闭该文件，或另选文件夹后重新打印。</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Printing %1…</source>
        <translation>正在打印%1…</translation>
    </message>
    <message>
        <source>%1 files, %2 pages, in %3</source>
        <translation>%1 个文件，共 %2 页，保存在 %3</translation>
    </message>
    <message>
        <source>Printed with problems: characters no font has are blank boxes in %1 places (listed below); write them in by hand there.</source>
        <translation>打印完成，但有问题：没有字体包含的字符在 %1 处印成了空白方框（见下文）；请在这些位置手写补上。</translation>
    </message>
    <message>
        <source>Stopped; the %1 files already written are kept.</source>
        <translation>已停止；已写入的 %1 个文件保留。</translation>
    </message>
    <message>
        <source>Stopped; no file was written.</source>
        <translation>已停止；未写入任何文件。</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit the page&apos;s width</source>
        <translation>按页面宽度显示</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <source>Print on paper…</source>
        <translation>用打印机打印…</translation>
    </message>
    <message>
        <source>Send this file to a printer</source>
        <translation>把这个文件发送到打印机</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>Open this file in the computer&apos;s PDF viewer</source>
        <translation>用本机的 PDF 阅读器打开这个文件</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <source>Sending page %1 of %2 to the printer…</source>
        <translation>正在向打印机发送第 %1 页，共 %2 页…</translation>
    </message>
    <message>
        <source>%1 could not be sent to the printer.</source>
        <translation>%1 未能发送到打印机。</translation>
    </message>
    <message>
        <source>%1: %2 pages sent to the printer.</source>
        <translation>%1：%2 页已发送到打印机。</translation>
    </message>
    <message>
        <source>No program opens PDF files on this computer: open %1 from its folder.</source>
        <translation>本机没有可打开 PDF 文件的程序：请到文件夹中打开 %1。</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>Reading the test centers</source>
        <translation>正在读取考点</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Column</source>
        <translation>列号</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>问题说明</translation>
    </message>
    <message>
        <source>Row or file</source>
        <translation>行号/文件</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>修改方法</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <extracomment>Returns True once the user asked to stop.</extracomment>
        <translation>已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>Purge</name>
    <message>
        <source>Exam {exam} has no session, so it was never held; there is nothing to purge after it.</source>
        <extracomment>What a purged value becomes. The details&apos; keys whose values are personal (the services&apos; own field names).</extracomment>
        <translation>考试 {exam} 没有场次，从未举行，无需清除。</translation>
    </message>
    <message>
        <source>Exam {exam} is not over: its last session is on {last}; its personal data may be purged from {first} on.</source>
        <translation>考试 {exam} 尚未结束：最后一场在 {last}；自 {first} 起可清除其个人信息。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>room {value}</source>
        <translation>第 {value} 考场</translation>
    </message>
    <message>
        <source>session {value}</source>
        <translation>场次 {value}</translation>
    </message>
    <message>
        <source>seat {value}</source>
        <translation>座位号 {value}</translation>
    </message>
    <message>
        <source>ticket {value}</source>
        <translation>准考证号 {value}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <source>{text}: too long, printed as {cut}</source>
        <translation>{text}：过长，打印为 {cut}</translation>
    </message>
    <message>
        <source>{text}: too long for its box, printed at {size} pt instead of {floor} pt</source>
        <translation>{text}：过长，格内只能以 {size} 磅打印（应不小于 {floor} 磅）</translation>
    </message>
    <message>
        <source>{text}: no font has {char} (U+{code:04X})</source>
        <extracomment>Strings split and kept per font set; a print run meets far fewer distinct ones.</extracomment>
        <translation>{text}：没有字体包含字符 {char}（U+{code:04X}）</translation>
    </message>
    <message>
        <source>{text}: {char} (U+{code:04X}) drawn in {font}</source>
        <translation>{text}：{char}（U+{code:04X}）用 {font} 字体印出</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <source>No room has the ID {id} in this exam.</source>
        <translation>本次考试没有 ID 为 {id} 的考场。</translation>
    </message>
    <message>
        <source>A room has 1 to {most} rows and columns of seats.</source>
        <translation>考场座位的排数和列数为 1 到 {most}。</translation>
    </message>
    <message>
        <source>The floor is a number from -5 to 200.</source>
        <translation>楼层是 -5 到 200 之间的数字。</translation>
    </message>
    <message>
        <source>At most {most} characters.</source>
        <translation>最多 {most} 个字。</translation>
    </message>
    <message>
        <source>This room is locked in the plan and cannot change; unlock it first.</source>
        <translation>此考场在编排中已锁定，不能更改；请先解锁。</translation>
    </message>
    <message>
        <source>{count} candidates are seated in this room; its seats cannot change. Move them out first.</source>
        <translation>此考场已安排 {count} 名考生，座位不能更改。请先把考生移出。</translation>
    </message>
    <message>
        <source>room {code}</source>
        <translation>考场 {code}</translation>
    </message>
    <message>
        <source>No test center has the ID {id} in this exam.</source>
        <translation>本次考试没有 ID 为 {id} 的考点。</translation>
    </message>
    <message>
        <source>{center} already has a room {code}; give this one another number.</source>
        <translation>{center}已有 {code} 考场；请换一个考场号。</translation>
    </message>
    <message>
        <source>{count} candidates are seated in room {code}; a room is deleted only when it is empty. Move them out first.</source>
        <translation>{code} 考场已安排 {count} 名考生；考场空置时才能删除。请先把考生移出。</translation>
    </message>
</context>
<context>
    <name>Rows</name>
    <message>
        <source>withdrawn</source>
        <translation>已退考</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>seating plan</source>
        <translation>考场编排</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>监考安排</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>岗位</translation>
    </message>
</context>
<context>
    <name>RunResultPane</name>
    <message>
        <source>This change broke the roster ({count} new problems):</source>
        <translation>此次更改使监考安排出现问题（新增 {count} 个）：</translation>
    </message>
    <message>
        <source>Repair the roster of the rooms concerned</source>
        <translation>修复相关考场的监考安排</translation>
    </message>
    <message>
        <source>Re-roster just the rooms concerned, keeping every other duty</source>
        <translation>只重新安排相关考场的监考，其他任务不变</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Seat the candidates</source>
        <translation>分配座位</translation>
    </message>
    <message>
        <source>Check the plan</source>
        <translation>检查编排</translation>
    </message>
    <message>
        <source>Make the roster</source>
        <translation>编排监考</translation>
    </message>
    <message>
        <source>Repair the roster</source>
        <translation>修复监考安排</translation>
    </message>
    <message>
        <source>Staff the posts</source>
        <translation>安排岗位人员</translation>
    </message>
    <message>
        <source>Draw the rooms</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Open the problem</source>
        <translation>打开问题所指</translation>
    </message>
    <message>
        <source>Seated {placed} candidates ({kept} kept where they were) in {rooms} rooms; {pairs} same-unit neighbour pairs; seed {seed}.</source>
        <translation>已为 {placed} 名考生分配座位（{kept} 名保持原座位），使用 {rooms} 个考场；同单位相邻 {pairs} 对；种子 {seed}。</translation>
    </message>
    <message>
        <source>Rostered {duties} duties (seed {seed}): {unfilled} places unfilled, {violations} hard-rule violations, {same} rooms of one gender, {pairs} repeated pairs.</source>
        <translation>已安排 {duties} 项监考任务（种子 {seed}）：{unfilled} 个空缺，{violations} 处违反硬性规则，{same} 个考场监考同性别，{pairs} 对重复搭档。</translation>
    </message>
    <message>
        <source>The {count} recorded draws of the centers rostered again are forgotten: each center draws again.</source>
        <translation>重新编排的考点已有的 {count} 次抽签作废：各考点需重新抽签。</translation>
    </message>
    <message>
        <source>{person}, {session}: {before} → {after}</source>
        <translation>{person}，{session}：{before} → {after}</translation>
    </message>
    <message>
        <source>(no duty)</source>
        <translation>（无任务）</translation>
    </message>
    <message>
        <source>Test center {center} had drawn its rooms for {session}: in {rooms} the invigilators are now people who did not draw the room; tell them and print those sheets again.</source>
        <translation>考点 {center} 已为 {session} 抽签：{rooms} 的监考员现在是未抽到该考场的人，请通知他们并重新打印这些表。</translation>
    </message>
    <message>
        <source>Re-rostered {rooms} room-sessions (seed {seed}): {moves} duties changed, every other duty kept.</source>
        <translation>已重新安排 {rooms} 个考场场次（种子 {seed}）：{moves} 项任务有变动，其他任务不变。</translation>
    </message>
    <message>
        <source>Posts staffed: {filled} of {required} places in {posts} post-sessions.</source>
        <translation>岗位人员已安排：{posts} 个岗位班次中 {required} 个位置已安排 {filled} 个。</translation>
    </message>
    <message>
        <source>The exam has no posts yet.</source>
        <translation>考试还没有岗位。</translation>
    </message>
    <message>
        <source>No test center holds a session yet: seat the candidates first.</source>
        <translation>还没有考点有场次：请先分配座位。</translation>
    </message>
    <message>
        <source>Drew rooms for {teams} teams of test center {center}, session {session}, held by {host} (seed {seed}).</source>
        <translation>已为考点 {center} 场次 {session} 的 {teams} 组监考抽签，主持人 {host}（种子 {seed}）。</translation>
    </message>
    <message>
        <source>Made {count} standard posts.</source>
        <translation>已建立 {count} 个标准岗位。</translation>
    </message>
    <message>
        <source>The exam&apos;s settings are changed.</source>
        <translation>考试设置已更改。</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>Seat the candidates without a seat</source>
        <translation>为没有座位的考生分配座位</translation>
    </message>
    <message>
        <source>Allow {count} sessions per person</source>
        <translation>允许每人 {count} 场</translation>
    </message>
    <message>
        <source>Allow staff from other centers</source>
        <translation>允许其他考点的人员</translation>
    </message>
    <message>
        <source>Staff the posts again</source>
        <translation>重新安排岗位人员</translation>
    </message>
    <message>
        <source>Repair the roster of {center}</source>
        <translation>修复考点 {center} 的监考安排</translation>
    </message>
    <message>
        <source>Make the standard posts of {center}</source>
        <translation>建立考点 {center} 的标准岗位</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>SearchableTable</name>
    <message>
        <source>Search: name, pinyin initials, ID number, ticket, registration number...</source>
        <translation>搜索：姓名、拼音首字母、证件号码、准考证号、报名序号……</translation>
    </message>
    <message>
        <source>All: %s</source>
        <translation>全部：%s</translation>
    </message>
    <message>
        <source>Rows: %s</source>
        <translation>共 %s 行</translation>
    </message>
    <message>
        <source>Shown: %s of %s</source>
        <translation>显示 %s / 共 %s 行</translation>
    </message>
</context>
<context>
    <name>SeatGrid</name>
    <message>
        <source>Podium</source>
        <translation>讲台</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>证明 %1</translation>
    </message>
</context>
<context>
    <name>Seats</name>
    <message>
        <source>No candidate of exam {exam} has the ID or registration number {who}.</source>
        <translation>考试 {exam} 中没有证件号码或报名序号为 {who} 的考生。</translation>
    </message>
    <message>
        <source>Candidate {who} has withdrawn and cannot be seated.</source>
        <translation>考生 {who} 已退考，不能安排座位。</translation>
    </message>
    <message>
        <source>Exam {exam} has no room {room}; write the room&apos;s code as in &apos;examdesk export rooms&apos;, or CENTER/ROOM.</source>
        <translation>考试 {exam} 中没有考场 {room}；请按 “examdesk export rooms” 导出的考场号填写，或写成 CENTER/ROOM。</translation>
    </message>
    <message>
        <source>Several test centers have a room {room} ({rooms}); write CENTER/ROOM.</source>
        <translation>多个考点都有考场 {room}（{rooms}）；请写成 CENTER/ROOM。</translation>
    </message>
    <message>
        <source>Room {room} is a spare room and stays empty; choose another room or mark it as not spare.</source>
        <translation>考场 {room} 是备用考场，应保持空置；请选择其他考场，或取消其备用标记。</translation>
    </message>
    <message>
        <source>Room {room} is locked; unlock it first with &apos;examdesk seat lock {room} --unlock&apos;.</source>
        <translation>考场 {room} 已锁定；请先运行 “examdesk seat lock {room} --unlock” 解除锁定。</translation>
    </message>
    <message>
        <source>Room {room} holds {other} candidates and a room holds one level; choose a room of {level}.</source>
        <translation>考场 {room} 已安排{other}考生，一个考场只能安排一个报考级别；请选择{level}的考场。</translation>
    </message>
    <message>
        <source>{who} already sits in room {room}, seat {seat}.</source>
        <translation>{who} 已安排在考场 {room} 的 {seat} 号座位。</translation>
    </message>
    <message>
        <source>Both are {who}; name two different candidates to swap.</source>
        <translation>两者都是 {who}；请指定两名不同的考生互换座位。</translation>
    </message>
    <message>
        <source>no seat</source>
        <translation>无座位</translation>
    </message>
    <message>
        <source>room {room}, seat {seat}, ticket {ticket}</source>
        <translation>考场 {room}，座号 {seat}，准考证号 {ticket}</translation>
    </message>
    <message>
        <source>{who} has no seat yet.</source>
        <translation>{who} 尚无座位。</translation>
    </message>
    <message>
        <source>Room {room} is locked; unlock it first.</source>
        <translation>考场 {room} 已锁定；请先解除锁定。</translation>
    </message>
    <message>
        <source>{who} needs an accessible room and {room} is not one.</source>
        <translation>{who} 需要无障碍考场，而考场 {room} 不是无障碍考场。</translation>
    </message>
    <message>
        <source>Room {room} has seats 1 to {last}; choose one of them.</source>
        <translation>考场 {room} 的座位号为 1 到 {last}；请从中选择。</translation>
    </message>
    <message>
        <source>Exam {exam} has no candidate with the id {id}.</source>
        <translation>考试 {exam} 中没有编号为 {id} 的考生。</translation>
    </message>
    <message>
        <source>Exam {exam} has no room with the id {id}.</source>
        <translation>考试 {exam} 中没有编号为 {id} 的考场。</translation>
    </message>
    <message>
        <source>Seat {seat} of room {room} is taken by {who}; choose a free seat or swap the two.</source>
        <translation>考场 {room} 的 {seat} 号座位已安排给 {who}；请选择空座位，或互换两人的座位。</translation>
    </message>
    <message>
        <source>Seat {seat} of room {room} had a ticket number that was withdrawn and is never given again; choose another seat.</source>
        <translation>考场 {room} 的 {seat} 号座位对应的准考证号已作废，不能再次使用；请选择其他座位。</translation>
    </message>
    <message>
        <source>Room {room} has no free seat; choose another room.</source>
        <translation>考场 {room} 没有空座位；请选择其他考场。</translation>
    </message>
    <message>
        <source>No room of {level} has a free seat and no room is empty; add a room or mark a spare room as usable.</source>
        <translation>{level}的考场都没有空座位，也没有空考场；请增设考场，或将备用考场设为可用。</translation>
    </message>
    <message>
        <source>The ticket number {ticket} of that seat is already someone&apos;s: the exam&apos;s ticket pattern does not tell the rooms apart; add the center field to it.</source>
        <translation>该座位的准考证号 {ticket} 已被其他考生使用：本次考试的准考证号规则无法区分这些考场；请在规则中添加 center 字段。</translation>
    </message>
    <message>
        <source>{who} already sits in room {room}, seat {seat}; use &apos;examdesk seat move&apos;.</source>
        <translation>{who} 已安排在考场 {room} 的 {seat} 号座位；请使用 “examdesk seat move”。</translation>
    </message>
    <message>
        <source>{who} has no seat yet; use &apos;examdesk seat add&apos;.</source>
        <translation>{who} 尚无座位；请使用 “examdesk seat add”。</translation>
    </message>
    <message>
        <source>{first} and {second} are both {who}; name two different candidates to swap.</source>
        <translation>{first} 和 {second} 是同一名考生（{who}）；请指定两名不同的考生互换座位。</translation>
    </message>
    <message>
        <source>{a} and {b} sit different levels and a room holds one level; swap candidates of one level.</source>
        <translation>{a} 和 {b} 的报考级别不同，一个考场只能安排一个报考级别；请互换同一级别考生的座位。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>seat order</source>
        <translation>座位顺序</translation>
    </message>
    <message>
        <source>corner of seat 1</source>
        <translation>1 号座位的位置</translation>
    </message>
    <message>
        <source>ticket number pattern</source>
        <translation>准考证号规则</translation>
    </message>
    <message>
        <source>seating by district</source>
        <translation>按区县安排考生</translation>
    </message>
    <message>
        <source>largest last room merged</source>
        <translation>合并的末尾考场人数上限</translation>
    </message>
    <message>
        <source>center order</source>
        <translation>考点顺序</translation>
    </message>
    <message>
        <source>invigilators per room</source>
        <translation>每考场监考人数</translation>
    </message>
    <message>
        <source>most sessions per staff member</source>
        <translation>每人最多场次</translation>
    </message>
    <message>
        <source>share of reserve invigilators</source>
        <translation>备用监考比例</translation>
    </message>
    <message>
        <source>staff in other centers</source>
        <translation>跨考点安排工作人员</translation>
    </message>
    <message>
        <source>technical service phone</source>
        <translation>技术服务电话</translation>
    </message>
    <message>
        <source>consultation hotline</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <source>how seat numbers run in a room: row by row from the front (rows), or S-shaped column by column (snake)</source>
        <translation>考场内座位号的编排方式：从前往后逐行（rows），或按列蛇形（snake）</translation>
    </message>
    <message>
        <source>the corner of seat 1, seen from the podium</source>
        <translation>1 号座位所在的角（从讲台看）</translation>
    </message>
    <message>
        <source>the admission ticket number&apos;s parts, left to right, with their digits; the last two are the seat</source>
        <translation>准考证号从左到右的组成部分及位数；最后两位是座位号</translation>
    </message>
    <message>
        <source>whether candidates sit only in test centers of their own district</source>
        <translation>考生是否只安排在本地区的考点</translation>
    </message>
    <message>
        <source>a level&apos;s last room with this many candidates or fewer is merged into its other rooms (0: never)</source>
        <translation>某级别最后一个考场的考生不多于此数时，并入该级别的其他考场（0：不合并）</translation>
    </message>
    <message>
        <source>the order in which test centers are filled with candidates</source>
        <translation>编排考生时各考点的先后顺序</translation>
    </message>
    <message>
        <source>invigilators in every room in every session, the lead among them</source>
        <translation>每个考场每个场次的监考员人数（含考场负责人）</translation>
    </message>
    <message>
        <source>the most sessions one staff member works; too low, and a center&apos;s staff cannot cover its rooms</source>
        <translation>每名工作人员最多工作的场次数；过低时考点人员不足以覆盖全部考场</translation>
    </message>
    <message>
        <source>reserve invigilators kept free per center and session, as a share of the invigilators it needs</source>
        <translation>每个考点每个场次预留的备用监考，占所需监考员的比例</translation>
    </message>
    <message>
        <source>whether staff may be rostered outside their home test center</source>
        <translation>工作人员是否可安排到所属考点以外的考点</translation>
    </message>
    <message>
        <source>the technical service phone published in the candidate notice</source>
        <translation>考生须知中公布的技术服务电话</translation>
    </message>
    <message>
        <source>the consultation hotline published in the candidate notice</source>
        <translation>考生须知中公布的考试咨询电话</translation>
    </message>
    <message>
        <source>The ticket pattern part “{part}” is not name:width or digits; write e.g. “level:1 year:2 province:2 center:2 room:2 seat:2”.</source>
        <translation>准考证号规则中的 “{part}” 既不是 名称:位数，也不是数字；请写成例如 “level:1 year:2 province:2 center:2 room:2 seat:2”。</translation>
    </message>
    <message>
        <source>The setting “{setting}” must be between {low} and {high}, not {value}.</source>
        <translation>设置项“{setting}”应在 {low} 到 {high} 之间，不能是 {value}。</translation>
    </message>
    <message>
        <source>The setting “{setting}” must be a phone number (digits, with - or spaces, an area code in brackets, 转 and an extension), not “{value}”.</source>
        <translation>设置“{setting}”应为电话号码（数字，可用 - 或空格分隔，区号可加括号，分机写“转”加号码），不能是“{value}”。</translation>
    </message>
    <message>
        <source>{option} must be a phone number (digits, with - or spaces, an area code in brackets, 转 and an extension), not “{value}”; &quot;&quot; clears it.</source>
        <translation>{option} 应为电话号码（数字，可用 - 或空格分隔，区号可加括号，分机写“转”加号码），不能是“{value}”；&quot;&quot; 可清除。</translation>
    </message>
    <message>
        <source>--merge-tail must be between 0 and 10, not {value}.</source>
        <translation>--merge-tail 必须在 0 到 10 之间，不能是 {value}。</translation>
    </message>
    <message>
        <source>{option} must be between {low} and {high}, not {value}.</source>
        <translation>{option} 必须在 {low} 到 {high} 之间，不能是 {value}。</translation>
    </message>
    <message>
        <source>The center order must name each of the exam&apos;s centers at most once ({codes}); these are not among them or repeated: {wrong}.</source>
        <translation>考点顺序中每个考点最多只能出现一次（本次考试的考点：{codes}）；以下考点编号不存在或重复：{wrong}。</translation>
    </message>
</context>
<context>
    <name>Sheets</name>
    <message>
        <source>There is nothing to print there.</source>
        <translation>该处没有可打印的内容。</translation>
    </message>
    <message>
        <source>Door list</source>
        <translation>考场门贴</translation>
    </message>
    <message>
        <source>Seating chart</source>
        <translation>座位表</translation>
    </message>
    <message>
        <source>Desk labels</source>
        <translation>桌贴</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>考生签到表</translation>
    </message>
    <message>
        <source>Room record</source>
        <translation>考场情况记录单</translation>
    </message>
    <message>
        <source>Duty sheet</source>
        <translation>监考安排表</translation>
    </message>
    <message>
        <source>Duty cards</source>
        <translation>工作安排卡</translation>
    </message>
    <message>
        <source>Post roster</source>
        <translation>岗位值班表</translation>
    </message>
    <message>
        <source>Draw result</source>
        <translation>抽签结果</translation>
    </message>
    <message>
        <source>Temporary ID certificates</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>Doubtful candidates&apos; list</source>
        <translation>存疑考生情况表</translation>
    </message>
    <message>
        <source>Center summary</source>
        <translation>考点情况汇总表</translation>
    </message>
    <message>
        <source>Candidate notice</source>
        <translation>考生须知</translation>
    </message>
    <message>
        <source>Print pack</source>
        <translation>考务打印包</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>No staff member has the ID {id} in this exam.</source>
        <translation>本次考试没有 ID 为 {id} 的工作人员。</translation>
    </message>
    <message>
        <source>This person is also a candidate of the exam; a candidate may not work at the exam.</source>
        <translation>此人也是本次考试的考生；考生不得担任本次考试的工作人员。</translation>
    </message>
    <message>
        <source>{name} already has this ID number among the staff.</source>
        <translation>工作人员 {name} 已使用此身份证号码。</translation>
    </message>
    <message>
        <source>and {more} more</source>
        <translation>另有 {more} 项</translation>
    </message>
    <message>
        <source>{name} holds {count} duties in the roster: {duties}. Deleting them removes these duties too, leaving the places short.</source>
        <translation>{name} 在编排中有 {count} 项任务：{duties}。删除此人将一并删除这些任务，相应考场或岗位将缺人。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Home center</source>
        <translation>所属考点</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>工作安排</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Their duties</source>
        <translation>本人工作安排</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Type a new staff member into the form under the details</source>
        <translation>在详情下方的表单中填写新工作人员</translation>
    </message>
    <message>
        <source>Delete the selected staff member</source>
        <translation>删除所选工作人员</translation>
    </message>
    <message>
        <source>From the ID number</source>
        <translation>按证件号码</translation>
    </message>
    <message>
        <source>One or more of: %1; separated by 、</source>
        <translation>一个或多个：%1；用“、”分隔</translation>
    </message>
    <message>
        <source>Save the person</source>
        <translation>保存人员</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Change this person</source>
        <translation>修改此人员</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>新工作人员</translation>
    </message>
    <message>
        <source>Saving the staff member</source>
        <translation>正在保存工作人员</translation>
    </message>
    <message>
        <source>Delete a staff member</source>
        <translation>删除工作人员</translation>
    </message>
    <message>
        <source>Delete %1 (ID number %2) from the staff?</source>
        <translation>从工作人员中删除 %1（身份证号码 %2）？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the duties and delete</source>
        <translation>删除任务并删除此人</translation>
    </message>
    <message>
        <source>Deleting the staff member</source>
        <translation>正在删除工作人员</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Search: name, pinyin initials, ID number, work unit, phone...</source>
        <translation>搜索：姓名、拼音首字母、证件号码、工作单位、电话……</translation>
    </message>
    <message>
        <source>staff.xlsx</source>
        <translation>工作人员.xlsx</translation>
    </message>
    <message>
        <source>Relatives</source>
        <translation>亲属证件号码</translation>
    </message>
    <message>
        <source>Duty count</source>
        <translation>安排数</translation>
    </message>
    <message>
        <source>Reading the duties</source>
        <translation>正在读取工作安排</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Internal error ({kind}: {error}); please report it.</source>
        <translation>内部错误（{kind}：{error}），请报告此问题。</translation>
    </message>
</context>
<context>
    <name>TempId</name>
    <message>
        <source>Give the {what}.</source>
        <translation>请填写{what}。</translation>
    </message>
    <message>
        <source>The {what} is longer than {limit} characters.</source>
        <translation>{what}超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>{file}: not a readable JPEG or PNG image; take the photo again or save it as JPEG.</source>
        <translation>{file}: 不是可读的 JPEG 或 PNG 图片；请重新拍照，或另存为 JPEG 后再试。</translation>
    </message>
    <message>
        <source>{file}: the photo is only {width} x {height} pixels and would print blurred; take one at least {least} pixels wide and high.</source>
        <translation>{file}: 照片只有 {width} x {height} 像素，打印会模糊；请拍摄宽、高均不少于 {least} 像素的照片。</translation>
    </message>
    <message>
        <source>{who} has no seat in exam {exam}: a temporary ID is issued only to a seated candidate.</source>
        <translation>{who} 在考试 {exam} 中没有座位：临时身份证明只开给已编排座位的考生。</translation>
    </message>
    <message>
        <source>{who} has withdrawn from the exam.</source>
        <translation>{who} 已退考。</translation>
    </message>
    <message>
        <source>officer&apos;s name</source>
        <translation>民警姓名</translation>
    </message>
    <message>
        <source>police unit</source>
        <translation>所属公安机关</translation>
    </message>
    <message>
        <source>{who} already holds the valid temporary ID {serial} (issued {when}); void it first to issue another.</source>
        <translation>{who} 已持有有效的临时身份证明 {serial}（{when} 开具）；须先作废才能再开。</translation>
    </message>
    <message>
        <source>{who} sits no session {code} on {day}; their sessions that day: {codes}.</source>
        <translation>{who} {day}没有 {code} 场次的考试；当天的场次：{codes}。</translation>
    </message>
    <message>
        <source>{who} has no session left on {day}.</source>
        <translation>{who} {day}已没有未结束的场次。</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The temporary ID {serial} is void already ({reason}).</source>
        <translation>临时身份证明 {serial} 已作废（{reason}）。</translation>
    </message>
    <message>
        <source>Exam {exam} has no temporary ID {serial}.</source>
        <translation>考试 {exam} 没有编号为 {serial} 的临时身份证明。</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({why}); choose the photo file again.</source>
        <translation>{file}: 无法读取（{why}）；请重新选择照片文件。</translation>
    </message>
</context>
<context>
    <name>TempIdPage</name>
    <message>
        <source>Name, pinyin initials, ID number or its last 6 digits, ticket or its last 5</source>
        <translation>姓名、拼音首字母、证件号码或其后 6 位、准考证号或其后 5 位</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Photo taken at the desk</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <source>Photo from a file…</source>
        <translation>从文件选择照片…</translation>
    </message>
    <message>
        <source>Newest photo in the camera folder</source>
        <translation>用相机文件夹中的最新照片</translation>
    </message>
    <message>
        <source>Camera folder…</source>
        <translation>相机文件夹…</translation>
    </message>
    <message>
        <source>Issue and print (Enter)</source>
        <translation>开具并打印（回车）</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>开具民警</translation>
    </message>
    <message>
        <source>Police unit</source>
        <translation>所属公安机关</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Desk of test center</source>
        <translation>本窗口所在考点</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>It covers:</source>
        <translation>适用场次：</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>Issued at this desk&apos;s center</source>
        <translation>本考点已开具的证明</translation>
    </message>
    <message>
        <source>Let in as doubtful…</source>
        <translation>存疑放行…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认情况</translation>
    </message>
    <message>
        <source>An invigilator confirms…</source>
        <translation>监考员确认…</translation>
    </message>
    <message>
        <source>Cleared when two invigilators confirm the identity; the others stay on the center&apos;s end-of-day list</source>
        <translation>两名监考员确认身份后核实；未核实的列入考点当日存疑名单</translation>
    </message>
    <message>
        <source>Print the day&apos;s list…</source>
        <translation>打印本日存疑名单…</translation>
    </message>
    <message>
        <source>The center&apos;s end-of-day list of doubtful candidates (存疑考生情况表), in the Print area</source>
        <translation>本考点当日存疑考生情况表（在“打印”中打印）</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <source>Doubtful (存疑)</source>
        <translation>存疑考生</translation>
    </message>
    <message>
        <source>Reading the test centers</source>
        <translation>正在读取考点</translation>
    </message>
    <message>
        <source>Reading the certificates</source>
        <translation>正在读取临时身份证明</translation>
    </message>
    <message>
        <source>Cleared: %1</source>
        <translation>已核实：%1</translation>
    </message>
    <message>
        <source>%1 of 2: %2</source>
        <translation>%1/2：%2</translation>
    </message>
    <message>
        <source>Let %1 in as doubtful</source>
        <translation>%1 存疑放行</translation>
    </message>
    <message>
        <source>Why could the identity of %1 not be confirmed?</source>
        <translation>无法确认 %1 身份的原因：</translation>
    </message>
    <message>
        <source>Recording the doubtful candidate</source>
        <translation>正在记录存疑考生</translation>
    </message>
    <message>
        <source>%1 let in as doubtful.</source>
        <translation>%1 已存疑放行。</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>确认 %1</translation>
    </message>
    <message>
        <source>The invigilator who confirmed the identity of %1:</source>
        <translation>确认 %1 身份的监考员：</translation>
    </message>
    <message>
        <source>Recording the confirmation</source>
        <translation>正在记录确认</translation>
    </message>
    <message>
        <source>Void: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Finding the candidate</source>
        <translation>正在查找考生</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>%1 号座</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>证件号码：%1</translation>
    </message>
    <message>
        <source>Ticket: %1   Registration: %2</source>
        <translation>准考证号：%1&#x3000;&#x3000;报名序号：%2</translation>
    </message>
    <message>
        <source>Center %1 %2, room %3, seat %4</source>
        <translation>考点 %1 %2，第 %3 考场，%4 号座</translation>
    </message>
    <message>
        <source>Sessions that day: %1</source>
        <translation>当天场次：%1</translation>
    </message>
    <message>
        <source> (over)</source>
        <translation>（已结束）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>This candidate sits at test center %1, not at this desk&apos;s center: send them there.</source>
        <translation>该考生的考点是 %1，不在本考点：请指引其前往该考点。</translation>
    </message>
    <message>
        <source>Already holds the valid certificate %1.</source>
        <translation>已持有有效的临时身份证明 %1。</translation>
    </message>
    <message>
        <source>Has withdrawn from the exam.</source>
        <translation>已退考。</translation>
    </message>
    <message>
        <source>Reading the photo</source>
        <translation>正在读取照片</translation>
    </message>
    <message>
        <source>The candidate&apos;s photo</source>
        <translation>考生照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The folder the camera saves its photos into</source>
        <translation>相机保存照片的文件夹</translation>
    </message>
    <message>
        <source>Takes the newest JPEG or PNG in %1</source>
        <translation>取 %1 中最新的 JPEG 或 PNG 照片</translation>
    </message>
    <message>
        <source>Asks once for the folder the camera saves into</source>
        <translation>首次使用时选择相机保存照片的文件夹</translation>
    </message>
    <message>
        <source>%1 holds no JPEG or PNG photo; take the photo with the camera first.</source>
        <translation>%1 中没有 JPEG 或 PNG 照片；请先用相机拍照。</translation>
    </message>
    <message>
        <source>Give the officer&apos;s name and police unit first.</source>
        <translation>请先填写开具民警和所属公安机关。</translation>
    </message>
    <message>
        <source>Check the sessions it covers.</source>
        <translation>请勾选证明适用的场次。</translation>
    </message>
    <message>
        <source>Issuing the certificate</source>
        <translation>正在开具临时身份证明</translation>
    </message>
    <message>
        <source>Issued %1 to %2; printing…</source>
        <translation>已为 %2 开具 %1，正在打印…</translation>
    </message>
    <message>
        <source>Printing the certificate</source>
        <translation>正在打印临时身份证明</translation>
    </message>
    <message>
        <source>%1 sent to the printer.</source>
        <translation>%1 已送往打印机。</translation>
    </message>
    <message>
        <source>Voiding the certificate</source>
        <translation>正在作废临时身份证明</translation>
    </message>
    <message>
        <source>Voided %1.</source>
        <translation>已作废 %1。</translation>
    </message>
    <message>
        <source>Void %1</source>
        <translation>作废 %1</translation>
    </message>
    <message>
        <source>Why is the certificate %1 of %2 void?</source>
        <translation>%2 的临时身份证明 %1 作废的原因：</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>The ticket number&apos;s {field} field has {width} digits, but {value} needs {needed}; widen the field in the exam&apos;s ticket pattern.</source>
        <translation>准考证号的 {field} 字段为 {width} 位，但 {value} 需要 {needed} 位；请在本次考试的准考证号规则中加宽该字段。</translation>
    </message>
    <message>
        <source>The exam&apos;s ticket pattern has a field {field} of width {width}; use the fields {fields} with widths 1 to {most}.</source>
        <translation>本次考试的准考证号规则中有宽度为 {width} 的字段 {field}；请使用以下字段：{fields}，宽度为 1 到 {most}。</translation>
    </message>
    <message>
        <source>The exam&apos;s ticket pattern has no seat field, so two seats of a room would get one number; add the seat field.</source>
        <translation>本次考试的准考证号规则中没有 seat 字段，同一考场的两个座位会得到相同的号码；请添加 seat 字段。</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>A user name cannot be empty.</source>
        <translation>用户名不能为空。</translation>
    </message>
    <message>
        <source>The user name {name} is too long: at most {most} characters, not {length}.</source>
        <translation>用户名 {name} 过长：最多 {most} 个字符，而不是 {length} 个。</translation>
    </message>
    <message>
        <source>The user name {name} holds a control character.</source>
        <translation>用户名 {name} 含有控制字符。</translation>
    </message>
    <message>
        <source>The user name &quot;{name}&quot; begins or ends with a space.</source>
        <translation>用户名“{name}”的开头或结尾有空格。</translation>
    </message>
    <message>
        <source>A password needs at least {least} characters.</source>
        <translation>密码至少需要 {least} 个字符。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>User {user} is locked after {count} wrong passwords until {time}.</source>
        <translation>用户 {user} 连续 {count} 次密码错误，已锁定至 {time}。</translation>
    </message>
    <message>
        <source>User {user} is disabled; an administrator can enable the account.</source>
        <translation>用户 {user} 已停用；管理员可以重新启用该账户。</translation>
    </message>
    <message>
        <source>Locked after {count} wrong passwords</source>
        <translation>连续 {count} 次密码错误后锁定</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>planner</source>
        <translation>编排员</translation>
    </message>
    <message>
        <source>center desk</source>
        <translation>考点值班</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>There is no user {user}.</source>
        <translation>没有用户 {user}。</translation>
    </message>
    <message>
        <source>{user} is the only administrator; make another one first, or nobody could manage the users.</source>
        <translation>{user} 是唯一的管理员；请先设立另一名管理员，否则将无人能够管理用户。</translation>
    </message>
    <message>
        <source>The first user with a password must be an administrator.</source>
        <translation>第一个设有密码的用户必须是管理员。</translation>
    </message>
    <message>
        <source>every exam</source>
        <translation>全部考试</translation>
    </message>
    <message>
        <source>exam {exam}</source>
        <translation>考试 {exam}</translation>
    </message>
    <message>
        <source>exam {exam}, center {center}</source>
        <translation>考试 {exam}，考点 {center}</translation>
    </message>
    <message>
        <source>There is already a user {user}.</source>
        <translation>已有用户 {user}。</translation>
    </message>
    <message>
        <source>Added user {user}: {role}, {where}</source>
        <translation>添加用户 {user}：{role}，{where}</translation>
    </message>
    <message>
        <source>The old password is wrong.</source>
        <translation>原密码错误。</translation>
    </message>
    <message>
        <source>Changed the password of {user}</source>
        <translation>修改 {user} 的密码</translation>
    </message>
    <message>
        <source>Enabled user {user}</source>
        <translation>启用用户 {user}</translation>
    </message>
    <message>
        <source>Disabled user {user}</source>
        <translation>停用用户 {user}</translation>
    </message>
    <message>
        <source>Granted {user} {role}: {where}</source>
        <translation>授予 {user} {role}角色：{where}</translation>
    </message>
    <message>
        <source>User {user} holds no such role ({role}, {where}).</source>
        <translation>用户 {user} 没有这一角色（{role}，{where}）。</translation>
    </message>
    <message>
        <source>Took {role} from {user}: {where}</source>
        <translation>收回 {user} 的{role}角色：{where}</translation>
    </message>
    <message>
        <source>{role} ({where})</source>
        <translation>{role}（{where}）</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Give a role…</source>
        <translation>授予角色…</translation>
    </message>
    <message>
        <source>Take a role…</source>
        <translation>收回角色…</translation>
    </message>
    <message>
        <source>Reading the users</source>
        <translation>正在读取用户</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>无密码</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Give a role</source>
        <translation>授予角色</translation>
    </message>
    <message>
        <source>Take a role</source>
        <translation>收回角色</translation>
    </message>
    <message>
        <source>Changing the users</source>
        <translation>正在修改用户</translation>
    </message>
</context>
<context>
    <name>VenuesPage</name>
    <message>
        <source>Center</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Choose the test center of the new room.</source>
        <translation>请选择新考场所在的考点。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>报考级别</translation>
    </message>
    <message>
        <source>Center code</source>
        <translation>考点编号</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation>教室</translation>
    </message>
    <message>
        <source>Change this room</source>
        <translation>修改此考场</translation>
    </message>
    <message>
        <source>none</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Add a room</source>
        <translation>新增考场</translation>
    </message>
    <message>
        <source>Type a new room of a test center into the form under the details</source>
        <translation>在详情下方的表单中填写考点的新考场</translation>
    </message>
    <message>
        <source>Delete the selected room (only when nobody is seated in it)</source>
        <translation>删除所选考场（仅限未安排考生的考场）</translation>
    </message>
    <message>
        <source>e.g. 031</source>
        <translation>例如 031</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Rows of seats</source>
        <translation>座位排数</translation>
    </message>
    <message>
        <source>Columns of seats</source>
        <translation>座位列数</translation>
    </message>
    <message>
        <source>Save the room</source>
        <translation>保存考场</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>新考场</translation>
    </message>
    <message>
        <source>Saving the room</source>
        <translation>正在保存考场</translation>
    </message>
    <message>
        <source>Accessible room</source>
        <translation>无障碍考场</translation>
    </message>
    <message>
        <source>Spare room, kept empty</source>
        <translation>备用考场（保持空置）</translation>
    </message>
    <message>
        <source>How candidates get to the test center</source>
        <translation>考生前往考点的交通路线</translation>
    </message>
    <message>
        <source>Route to the center</source>
        <translation>考点乘车路线</translation>
    </message>
    <message>
        <source>Delete a room</source>
        <translation>删除考场</translation>
    </message>
    <message>
        <source>Delete room %1 of %2? Its place in the roster goes with it.</source>
        <translation>删除%2的 %1 考场？编排中该考场的监考任务将一并删除。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleting the room</source>
        <translation>正在删除考场</translation>
    </message>
    <message>
        <source>Deleted room %1 of %2.</source>
        <translation>已删除%2的 %1 考场。</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>座位排列</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>座位数</translation>
    </message>
    <message>
        <source>Seated</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空座</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Search: center name, pinyin initials, room, classroom, building...</source>
        <translation>搜索：考点名称、拼音首字母、考场号、教室、楼栋……</translation>
    </message>
    <message>
        <source>rooms.xlsx</source>
        <translation>考点考场.xlsx</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 排 × %2 列</translation>
    </message>
    <message>
        <source>Unusable desks</source>
        <translation>不可用座位</translation>
    </message>
    <message>
        <source>Accessible</source>
        <translation>无障碍</translation>
    </message>
    <message>
        <source>Spare room</source>
        <translation>备用考场</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>Versions</name>
    <message>
        <source>{actor} changed {what} at {time}, after you read it; nothing was saved. It is now: {current}.</source>
        <translation>{actor}在 {time} 修改了{what}（在您读取之后）；未保存任何内容。现在是：{current}。</translation>
    </message>
    <message>
        <source>{actor} changed {what} after you read it; nothing was saved. It is now: {current}.</source>
        <translation>{actor}在您读取之后修改了{what}；未保存任何内容。现在是：{current}。</translation>
    </message>
    <message>
        <source>Someone else changed {what} after you read it; nothing was saved. It is now: {current}.</source>
        <translation>有人在您读取之后修改了{what}；未保存任何内容。现在是：{current}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>Violations</name>
    <message>
        <source>The regulation has no act {code}; the acts are {codes}.</source>
        <translation>规定中没有行为 {code}；行为代码有 {codes}。</translation>
    </message>
    <message>
        <source>Describe what was seen.</source>
        <translation>请写明所见情况。</translation>
    </message>
    <message>
        <source>A refusal to sign needs a witness: name them.</source>
        <translation>考生拒绝签字须有见证人：请写明见证人。</translation>
    </message>
    <message>
        <source>{name} has no seat in exam {exam}: a violation is recorded in the room.</source>
        <translation>{name} 在考试 {exam} 中没有座位：违纪须在考场中记录。</translation>
    </message>
    <message>
        <source>The same person is named twice: a violation record names two different invigilators.</source>
        <translation>同一人被填了两次：违纪记录须由两名不同的监考员签名。</translation>
    </message>
    <message>
        <source>Name two invigilators: the record needs both signatures.</source>
        <translation>请填写两名监考员：记录须由两人签名。</translation>
    </message>
    <message>
        <source>No staff member of exam {exam} is called {text} or has that ID number.</source>
        <translation>考试 {exam} 中没有姓名或身份证号为 {text} 的工作人员。</translation>
    </message>
    <message>
        <source>{name} does not sit session {session}.</source>
        <translation>{name} 不参加场次 {session} 的考试。</translation>
    </message>
    <message>
        <source>A violation record names two invigilators, not {count}.</source>
        <translation>违纪记录填写两名监考员，而不是 {count} 名。</translation>
    </message>
    <message>
        <source>Exam {exam} has no staff member {id}.</source>
        <translation>考试 {exam} 没有工作人员 {id}。</translation>
    </message>
    <message>
        <source>Exam {exam} has no violation record {id}.</source>
        <translation>考试 {exam} 没有违纪记录 {id}。</translation>
    </message>
    <message>
        <source>Cannot read the evidence file {path}: {reason}</source>
        <translation>无法读取证据文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>The evidence file {path} is larger than {limit} MB; keep a smaller photo.</source>
        <translation>证据文件 {path} 大于 {limit} MB；请保存较小的照片。</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>ViolationsPage</name>
    <message>
        <source>Ticket, ID or registration number</source>
        <translation>准考证号、证件号码或报名序号</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>所见情况</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Refused to sign</source>
        <translation>拒绝签字</translation>
    </message>
    <message>
        <source>Witness of a refusal</source>
        <translation>拒签见证人</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Record the violation</source>
        <translation>记录违纪</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>违纪违规行为</translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Invigilators</source>
        <translation>监考员</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>考生签字</translation>
    </message>
    <message>
        <source>Record a violation</source>
        <translation>记录违纪</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>依据条款</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Print the selected record…</source>
        <translation>打印所选违纪记录…</translation>
    </message>
    <message>
        <source>Set the selected record&apos;s signature</source>
        <translation>补记所选记录的签字</translation>
    </message>
    <message>
        <source>The candidate signed, or refused before the witness named above, after it was recorded</source>
        <translation>记录后考生签字，或在上面所填见证人面前拒绝签字</translation>
    </message>
    <message>
        <source>Read the violations</source>
        <translation>读取违纪记录</translation>
    </message>
    <message>
        <source>Read the invigilators</source>
        <translation>读取监考员</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{name} (on duty)</source>
        <translation>{name}（在岗）</translation>
    </message>
    <message>
        <source>Nobody is on duty in room {room} in this session: the record may name fewer than two invigilators.</source>
        <translation>考场 {room} 本场次无人在岗：记录可少于两名监考员。</translation>
    </message>
    <message>
        <source>Recorded No. {id}: {name} ({ticket}), {citation}: {what}</source>
        <translation>已记录第 {id} 号：{name}（{ticket}），{citation}：{what}</translation>
    </message>
    <message>
        <source>Photos of the evidence</source>
        <translation>证据照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <source>Select a violation in the list and choose signed or refused first.</source>
        <translation>请先在列表中选择一条违纪记录，并选择“已签字”或“拒绝签字”。</translation>
    </message>
    <message>
        <source>Set the signature</source>
        <translation>补记签字</translation>
    </message>
    <message>
        <source>Select a violation in the list first.</source>
        <translation>请先在列表中选择一条违纪记录。</translation>
    </message>
    <message>
        <source>Folder for the violation record</source>
        <translation>违纪记录的保存文件夹</translation>
    </message>
    <message>
        <source>Print the violation record</source>
        <translation>打印违纪记录</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
</context>
</TS>
