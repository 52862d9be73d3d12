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
        <location filename="../../examdesk/db/database.py" line="55"/>
        <source>&apos;{url}&apos; is not a database URL; use e.g. sqlite:///exam.db or postgresql+psycopg://user@host/dbname</source>
        <translation>“{url}”不是数据库 URL，请使用例如 sqlite:///exam.db 或 postgresql+psycopg://user@host/dbname</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="105"/>
        <source>Cannot use the database URL &apos;{url}&apos;: {reason}</source>
        <translation>无法使用数据库 URL“{url}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="124"/>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>无法打开数据库 {url}：{reason}</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="184"/>
        <source>{url} already holds tables that ExamDesk did not create; choose an empty database or an ExamDesk one.</source>
        <translation>{url} 中已有非 ExamDesk 创建的数据表，请选择空数据库或 ExamDesk 数据库。</translation>
    </message>
    <message>
        <location filename="../../examdesk/db/database.py" line="196"/>
        <source>This database was written by a newer ExamDesk (schema {revision}); this is ExamDesk {version}. Install the newer version to open it.</source>
        <translation>此数据库由更新版本的 ExamDesk 写入（结构版本 {revision}），当前为 ExamDesk {version}。请安装新版本后再打开。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../examdesk/services/demo.py" line="199"/>
        <source>--scale must be between 1 and {most} (the cities of the province), not {scale}.</source>
        <extracomment>Henan&apos;s 17 prefecture-level cities with their ID address codes; Zhoukou first. code, date, start, end, subject codes, name (domain.md timetable) kind, place, opens, closes, headcount, supplies (item, quantity, unit)</extracomment>
        <translation>--scale 必须在 1 到 {most}（全省地市数）之间，而不是 {scale}。</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="209"/>
        <source>The demo exam {code} is already loaded; use --replace to load it again.</source>
        <translation>演示考试 {code} 已载入；如需重新载入，请使用 --replace。</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="216"/>
        <source>Reading the sample workbooks</source>
        <translation>正在读取示例工作簿</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="256"/>
        <source>Demo exam loaded</source>
        <translation>演示考试已载入</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="338"/>
        <source>Creating rooms</source>
        <translation>正在创建考场</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="392"/>
        <source>Adding candidates</source>
        <translation>正在添加考生</translation>
    </message>
    <message>
        <location filename="../../examdesk/services/demo.py" line="439"/>
        <source>Adding staff</source>
        <translation>正在添加工作人员</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="247"/>
        <source>the name is missing</source>
        <translation>姓名为空</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="248"/>
        <source>write the candidate&apos;s name as on the ID card</source>
        <translation>请按身份证件填写考生姓名</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="258"/>
        <source>this document type is unknown</source>
        <translation>证件类型无法识别</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="259"/>
        <source>write one of: {types}</source>
        <translation>请填写以下之一：{types}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="274"/>
        <source>the ID number is missing</source>
        <translation>证件号码为空</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="275"/>
        <source>write the number of the candidate&apos;s ID document</source>
        <translation>请填写考生证件的号码</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="290"/>
        <source>the gender is missing</source>
        <translation>性别为空</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="291"/>
        <location filename="../../examdesk/exchange/candidates.py" line="296"/>
        <source>write 男 or 女</source>
        <translation>请填写 男 或 女</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="295"/>
        <source>the gender is not 男 or 女</source>
        <translation>性别不是“男”或“女”</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="300"/>
        <source>the gender does not match the ID number (it says {gender})</source>
        <translation>性别与证件号码不符（证件号码显示为{gender}）</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="302"/>
        <source>check both against the ID card and correct the wrong one</source>
        <translation>请对照身份证核对两者，并改正错误的一项</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="309"/>
        <source>the level is missing</source>
        <translation>报考级别为空</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="310"/>
        <source>write one of: {levels}</source>
        <translation>请填写以下之一：{levels}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="313"/>
        <source>this level is not one of the exam&apos;s levels</source>
        <translation>该级别不是本次考试的级别</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="324"/>
        <source>no subject is listed</source>
        <translation>未填写报考科目</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="325"/>
        <source>write the subjects the candidate registered for, separated by 、</source>
        <translation>请填写考生报考的科目，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="338"/>
        <source>this subject belongs to level {other}, not {level}</source>
        <translation>该科目属于{other}级别，而不是{level}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="340"/>
        <source>correct the level or the subject</source>
        <translation>请改正报考级别或科目</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="344"/>
        <source>this subject is not a subject of level {level}</source>
        <translation>该科目不是{level}级别的科目</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="357"/>
        <source>this could mean {names}</source>
        <translation>可能是：{names}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="359"/>
        <source>write the full name</source>
        <translation>请填写完整名称</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="362"/>
        <source>write one of: {names}</source>
        <translation>请填写以下之一：{names}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="372"/>
        <source>this is not a mobile number (11 digits starting with 1) or a landline number with its area code</source>
        <translation>不是手机号码（以1开头的11位数字），也不是带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="374"/>
        <source>correct the number, or leave the cell empty</source>
        <translation>请改正号码，或留空</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="384"/>
        <source>Excel stored this registration number as a number and lost digits</source>
        <translation>Excel 将此报名序号存为数字，已丢失位数</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="391"/>
        <source>copy the number again from the ID card</source>
        <translation>请从原始资料重新复制该号码</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="393"/>
        <source>a resident ID number has 18 characters</source>
        <translation>居民身份证号码应为18位</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="395"/>
        <source>the last character (check digit) does not fit the other 17: a digit is mistyped</source>
        <translation>最后一位（校验码）与前17位不符：有数字录入错误</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="399"/>
        <source>the birth date inside this ID number does not exist</source>
        <translation>该身份证号码中的出生日期不存在</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="400"/>
        <source>a resident ID number is 17 digits followed by a digit or X</source>
        <translation>居民身份证号码应为17位数字加一位数字或X</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="410"/>
        <source>this ID number is also in row {rows}</source>
        <translation>该证件号码在第{rows}行也出现</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="412"/>
        <source>this registration number is also in row {rows}</source>
        <translation>该报名序号在第{rows}行也出现</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/candidates.py" line="427"/>
        <source>keep one row per candidate and delete the others</source>
        <translation>每名考生只保留一行，删除其余重复行</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/headers.py" line="183"/>
        <source>Column {letter} ({header}) is not used and was ignored.</source>
        <translation>第{letter}列（{header}）未使用，已忽略。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/headers.py" line="209"/>
        <source>the header row (row {row}) has no column {columns}</source>
        <translation>表头行（第{row}行）缺少列：{columns}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/headers.py" line="212"/>
        <source>add the column with one of these headers: {aliases}</source>
        <translation>请添加该列，表头可用以下名称之一：{aliases}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/headers.py" line="248"/>
        <source>{file}: no header row found in the first {count} rows of sheet {sheet}; add a header row naming the columns, e.g. {examples}.</source>
        <translation>{file}：工作表 {sheet} 的前 {count} 行中找不到表头行；请添加一行列名，例如 {examples}。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/normalize.py" line="151"/>
        <source>Excel stored this ID number as a number and kept only its first 15 digits</source>
        <extracomment>Excel keeps 15 significant digits of a number; longer IDs lose their tail.</extracomment>
        <translation>Excel 将此证件号码存为数字，只保留了前15位</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/normalize.py" line="157"/>
        <source>this ID number was saved in scientific notation, so its last digits are lost</source>
        <translation>此证件号码以科学计数法保存，末几位已丢失</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/normalize.py" line="166"/>
        <source>format the column as text and export again</source>
        <translation>请将该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/problems.py" line="94"/>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/problems.py" line="96"/>
        <source>row {row}</source>
        <translation>第{row}行</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/problems.py" line="98"/>
        <source>column {letter}</source>
        <translation>第{letter}列</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/problems.py" line="106"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/problems.py" line="106"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="87"/>
        <source>{file} is in the old Excel 97-2003 format (.xls); open it in Excel and save it as an Excel workbook (.xlsx), then import that file.</source>
        <extracomment>Every OLE2 compound file (old .xls, and Office&apos;s password-encrypted .xlsx) starts so. The stream an encrypted OOXML package carries inside its OLE2 container.</extracomment>
        <translation>{file} 是旧版 Excel 97-2003 格式（.xls）；请在 Excel 中打开并另存为 Excel 工作簿（.xlsx），再导入该文件。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="95"/>
        <source>{file} is not a file ExamDesk can import; save it as an Excel workbook (.xlsx) or as CSV (.csv) and import that file.</source>
        <translation>{file} 不是 ExamDesk 可以导入的文件；请另存为 Excel 工作簿（.xlsx）或 CSV（.csv）后导入。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="105"/>
        <source>{file} does not exist; check the folder and the file name.</source>
        <translation>{file} 不存在；请检查文件夹和文件名。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="111"/>
        <source>{file} is a folder, not a file; choose a file inside it.</source>
        <translation>{file} 是文件夹而不是文件；请选择其中的文件。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="117"/>
        <location filename="../../examdesk/exchange/sheets.py" line="194"/>
        <source>{file} cannot be read ({reason}); close it in other programs and check that you may read it.</source>
        <translation>无法读取 {file}（{reason}）；请在其他程序中关闭该文件，并确认有读取权限。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="152"/>
        <source>Sheet {sheet} of {file} is empty; choose the sheet that holds the data or paste the data into it.</source>
        <translation>{file} 的工作表 {sheet} 为空；请选择包含数据的工作表，或将数据粘贴到其中。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="171"/>
        <source>{file} has no sheet named {sheet}; choose one of its sheets: {sheets}.</source>
        <translation>{file} 中没有名为 {sheet} 的工作表；请选择以下工作表之一：{sheets}。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="182"/>
        <source>{file} holds no worksheet; open it in Excel and check its content.</source>
        <translation>{file} 中没有工作表；请在 Excel 中打开并检查其内容。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="202"/>
        <source>{file} is an Excel workbook, not a CSV text file; rename it to .xlsx, or save it from Excel as CSV.</source>
        <translation>{file} 是 Excel 工作簿而不是 CSV 文本文件；请将扩展名改为 .xlsx，或在 Excel 中另存为 CSV。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="217"/>
        <source>{file} is empty; export the data again and import the new file.</source>
        <translation>{file} 为空；请重新导出数据后导入新文件。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="237"/>
        <source>{file} is not a text file in UTF-8 or GB18030; save it from Excel as “CSV UTF-8” and import that file.</source>
        <translation>{file} 不是 UTF-8 或 GB18030 编码的文本文件；请在 Excel 中另存为“CSV UTF-8”后导入。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="262"/>
        <source>{file} is protected by a password; open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password) and save it again.</source>
        <translation>{file} 设有密码保护；请在 Excel 中打开，取消密码（文件 &gt; 信息 &gt; 保护工作簿 &gt; 用密码进行加密）后重新保存。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="267"/>
        <source>{file} is password-protected or an old .xls workbook renamed to .xlsx; open it in Excel, remove any password and save it as an Excel workbook (.xlsx).</source>
        <translation>{file} 设有密码保护，或是改名为 .xlsx 的旧版 .xls 工作簿；请在 Excel 中打开，取消密码并另存为 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <location filename="../../examdesk/exchange/sheets.py" line="275"/>
        <source>{file} is damaged or is not an Excel workbook; open it in Excel and save it again as .xlsx (or export the data again).</source>
        <translation>{file} 已损坏或不是 Excel 工作簿；请在 Excel 中打开并重新保存为 .xlsx（或重新导出数据）。</translation>
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
