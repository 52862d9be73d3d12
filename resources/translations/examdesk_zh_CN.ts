<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="48"/>
        <source>ExamDesk</source>
        <translation>ExamDesk 考务管理</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../ui/cli.py" line="46"/>
        <source>database URL, e.g. sqlite:///exam.db or postgresql://user@host/examdesk (default: $EXAMDESK_DB, else the embedded database in your user data folder)</source>
        <translation>数据库 URL，例如 sqlite:///exam.db 或 postgresql://user@host/examdesk（默认：$EXAMDESK_DB，否则使用用户数据目录中的内置数据库）</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="58"/>
        <source>ExamDesk: plan and run an exam district. Without a command, opens the desktop application.</source>
        <translation>ExamDesk：考区考务编排与考试日管理。不带命令时打开桌面程序。</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="70"/>
        <source>create the database, or upgrade it to this version&apos;s schema</source>
        <translation>创建数据库，或将其升级到本版本的结构</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="73"/>
        <source>load the demo exam (2023 social worker exam, Zhoukou)</source>
        <translation>载入演示考试（2023年社会工作者职业水平考试，周口考区）</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="77"/>
        <source>repeat the district for N cities of the province (17: about 100,000 candidates and 3,400 rooms)</source>
        <translation>按全省 N 个地市复制考区（17：约 10 万考生、3400 个考场）</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="82"/>
        <source>delete the demo exam first if it is already loaded</source>
        <translation>若演示考试已载入，先删除再重新载入</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="84"/>
        <source>load only when the database holds no exam yet</source>
        <translation>仅在数据库中尚无考试时载入</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="86"/>
        <source>print how many centers, rooms, candidates... the database holds</source>
        <translation>显示数据库中考点、考场、考生等的数量</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="89"/>
        <source>print one JSON object with snake_case keys</source>
        <translation>以一个 JSON 对象输出（键名为英文 snake_case）</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="101"/>
        <source>Database ready: {url}</source>
        <translation>数据库已就绪：{url}</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="103"/>
        <source>The previous version was saved as {path}</source>
        <translation>升级前的数据库已备份为 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="112"/>
        <source>The database already holds an exam; the demo was not loaded.</source>
        <translation>数据库中已有考试，未载入演示考试。</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="123"/>
        <source>Loaded {name} ({code}): {centers} test centers, {rooms} rooms, {candidates:,} candidates, {staff:,} staff in {seconds:.1f} s</source>
        <translation>已载入 {name}（{code}）：{centers} 个考点，{rooms} 个考场，{candidates:,} 名考生，{staff:,} 名工作人员，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/cli.py" line="174"/>
        <source>interrupted; nothing was changed.</source>
        <translation>已中断，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../examdesk/db/database.py" line="54"/>
        <source>&apos;{url}&apos; is not a database URL; use e.g. sqlite:///exam.db or postgresql+psycopg://user@host/dbname</source>
        <translation>“{url}”不是数据库 URL，请使用例如 sqlite:///exam.db 或 postgresql+psycopg://user@host/dbname</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="102"/>
        <source>Cannot use the database URL &apos;{url}&apos;: {reason}</source>
        <translation>无法使用数据库 URL“{url}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="121"/>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="181"/>
        <source>{url} already holds tables that ExamDesk did not create; choose an empty database or an ExamDesk one.</source>
        <translation>{url} 中已有非 ExamDesk 创建的数据表，请选择空数据库或 ExamDesk 数据库。</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="193"/>
        <source>This database was written by a newer ExamDesk (schema {revision}); this is ExamDesk {version}. Install the newer version to open it.</source>
        <translation>此数据库由更新版本的 ExamDesk 写入（结构版本 {revision}），当前为 ExamDesk {version}。请安装新版本后再打开。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../examdesk/services/demo.py" line="193"/>
        <source>--scale must be between 1 and {most} (the cities of the province), not {scale}.</source>
        <extracomment>Henan&apos;s 17 prefecture-level cities with their ID address codes; Zhoukou first. code, date, start, end, subject codes, name (domain.md timetable) kind, place, opens, closes, headcount, supplies (item, quantity, unit)</extracomment>
        <translation>--scale 必须在 1 到 {most}（全省地市数）之间，而不是 {scale}。</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="203"/>
        <source>The demo exam {code} is already loaded; use --replace to load it again.</source>
        <translation>演示考试 {code} 已载入；如需重新载入，请使用 --replace。</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="210"/>
        <source>Reading the sample workbooks</source>
        <translation>正在读取示例工作簿</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="250"/>
        <source>Demo exam loaded</source>
        <translation>演示考试已载入</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="332"/>
        <source>Creating rooms</source>
        <translation>正在创建考场</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="386"/>
        <source>Adding candidates</source>
        <translation>正在添加考生</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="433"/>
        <source>Adding staff</source>
        <translation>正在添加工作人员</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>ExamDesk</source>
        <translation>ExamDesk 考务管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Test centers</source>
        <translation>考点</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>Rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>Seated candidates</source>
        <translation>已编排考生</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>Duties</source>
        <translation>监考安排</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Service posts</source>
        <translation>服务保障岗位</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Temporary ID certificates</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Incidents</source>
        <translation>异常情况记录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Spare rooms</source>
        <translation>备用考场</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;About ExamDesk</source>
        <translation>关于 ExamDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>No exam yet: load the demo with &apos;examdesk demo&apos; or import one.</source>
        <translation>尚无考试：可运行 “examdesk demo” 载入演示考试，或导入考试数据。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>About ExamDesk</source>
        <translation>关于 ExamDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>ExamDesk %1: exam logistics for examination centers.</source>
        <translation>ExamDesk %1：人事考试中心考务管理系统。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../examdesk/progress.py" line="23"/>
        <source>Cancelled; nothing was changed.</source>
        <extracomment>Returns True once the user asked to stop.</extracomment>
        <translation>已取消，未做任何更改。</translation>
    </message>
</context>
</TS>
