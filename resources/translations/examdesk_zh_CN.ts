<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <source>ExamDesk</source>
        <translation>ExamDesk 考务管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>Test centers</source>
        <translation>考点</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>Rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73" />
        <source>Seated candidates</source>
        <translation>已编排考生</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Duties</source>
        <translation>监考安排</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>Service posts</source>
        <translation>服务保障岗位</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78" />
        <source>Temporary ID certificates</source>
        <translation>临时身份证明</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79" />
        <source>Incidents</source>
        <translation>异常情况记录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>Spare rooms</source>
        <translation>备用考场</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>&amp;About ExamDesk</source>
        <translation>关于 ExamDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>No exam yet: load the demo with 'examdesk demo' or import one.</source>
        <translation>尚无考试：可运行 “examdesk demo” 载入演示考试，或导入考试数据。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>About ExamDesk</source>
        <translation>关于 ExamDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>ExamDesk %1: exam logistics for examination centers.</source>
        <translation>ExamDesk %1：人事考试中心考务管理系统。</translation>
    </message>
</context>
</TS>