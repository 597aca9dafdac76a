<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
<context>
    <name>age</name>
    <message>
        <source>age.days</source>
        <extracomment>{n} 天前</extracomment>
        <translation>{n} day(s) ago</translation>
    </message>
    <message>
        <source>age.hours</source>
        <extracomment>{n} 小时前</extracomment>
        <translation>{n} hour(s) ago</translation>
    </message>
    <message>
        <source>age.just_now</source>
        <extracomment>刚才</extracomment>
        <translation>just now</translation>
    </message>
    <message>
        <source>age.minutes</source>
        <extracomment>{n} 分钟前</extracomment>
        <translation>{n} minute(s) ago</translation>
    </message>
</context>
<context>
    <name>agent</name>
    <message>
        <source>agent.count</source>
        <extracomment>{count} 件</extracomment>
        <translation>Cases: {count}</translation>
    </message>
    <message>
        <source>agent.failed</source>
        <extracomment>没有办成：{reason}</extracomment>
        <translation>Not done: {reason}</translation>
    </message>
    <message>
        <source>agent.home.card_on_reader</source>
        <extracomment>读卡区上还有一张证件。请先取走，再请下一位村民放自己的证件。</extracomment>
        <translation>There is still a card on the reader. Please take it away first, then ask the next villager to place their own card.</translation>
    </message>
    <message>
        <source>agent.home.hint</source>
        <extracomment>每位村民都要本人把身份证放在读卡区，才能为他办理。办完一位，屏幕上不会留下他的信息。</extracomment>
        <translation>Each villager must place their own ID card on the reader before you can apply for them. When you finish one, none of their details stay on the screen.</translation>
    </message>
    <message>
        <source>agent.home.no_printer</source>
        <extracomment>本终端没有打印机，不能打印汇总。</extracomment>
        <translation>This kiosk has no printer, so the summary cannot be printed.</translation>
    </message>
    <message>
        <source>agent.home.print_day</source>
        <extracomment>打印今日汇总</extracomment>
        <translation>Print today's summary</translation>
    </message>
    <message>
        <source>agent.home.printed</source>
        <extracomment>今日汇总已打印：共 {count} 件。</extracomment>
        <translation>Today's summary is printed. Total cases: {count}.</translation>
    </message>
    <message>
        <source>agent.home.printing</source>
        <extracomment>正在打印今日汇总…</extracomment>
        <translation>Printing today's summary…</translation>
    </message>
    <message>
        <source>agent.home.serve</source>
        <extracomment>为下一位村民办理</extracomment>
        <translation>Serve the next villager</translation>
    </message>
    <message>
        <source>agent.home.sign_out</source>
        <extracomment>退出登录</extracomment>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>agent.home.title</source>
        <extracomment>代办员工作台</extracomment>
        <translation>Village agent desk</translation>
    </message>
    <message>
        <source>agent.home.worklist</source>
        <extracomment>我代办的件</extracomment>
        <translation>My cases</translation>
    </message>
    <message>
        <source>agent.identify_for</source>
        <extracomment>代办员 {agent} 为您办理。请村民本人把自己的证件放在读卡区。</extracomment>
        <translation>Village agent {agent} is applying for you. Please place your own ID card on the reader.</translation>
    </message>
    <message>
        <source>agent.no_worklist</source>
        <extracomment>本终端还没有连上平台，暂时看不到办件清单。</extracomment>
        <translation>This kiosk is not connected to the system yet, so the case list cannot be shown.</translation>
    </message>
    <message>
        <source>agent.not_signed_in</source>
        <extracomment>代办员登录已结束，请重新登录。</extracomment>
        <translation>The village agent session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>agent.serving.check.card</source>
        <extracomment>本人证件已核验。</extracomment>
        <translation>ID card checked.</translation>
    </message>
    <message>
        <source>agent.serving.check.face</source>
        <extracomment>本人证件和人脸已核验。</extracomment>
        <translation>ID card and face checked.</translation>
    </message>
    <message>
        <source>agent.serving.check.staff</source>
        <extracomment>人脸没有核验成功：提交后要请村民本人到窗口当面确认。</extracomment>
        <translation>The face check did not succeed: after submitting, the villager must confirm in person at the counter.</translation>
    </message>
    <message>
        <source>agent.serving.done</source>
        <extracomment>✔ 办完了，下一位</extracomment>
        <translation>✔ Done, next person</translation>
    </message>
    <message>
        <source>agent.serving.title</source>
        <extracomment>为村民办理</extracomment>
        <translation>Applying for a villager</translation>
    </message>
    <message>
        <source>agent.serving.who</source>
        <extracomment>正在为 {name} 办理</extracomment>
        <translation>Applying for {name}</translation>
    </message>
    <message>
        <source>agent.signed_in_as</source>
        <extracomment>代办员：{name}（{number}）</extracomment>
        <translation>Village agent: {name} ({number})</translation>
    </message>
    <message>
        <source>agent.signin.checking</source>
        <extracomment>正在核对…</extracomment>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>agent.signin.confirm</source>
        <extracomment>登录</extracomment>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>agent.signin.locked</source>
        <extracomment>密码错误次数太多，{number} 已锁定。请 {minutes} 分 {seconds} 秒后再试。</extracomment>
        <translation>Too many wrong PINs: {number} is locked. Please try again in {minutes} min {seconds} s.</translation>
    </message>
    <message>
        <source>agent.signin.no_list</source>
        <extracomment>本机还没有从平台取到代办员名单，暂时不能登录。请先让终端联网。</extracomment>
        <translation>This kiosk has not yet received the list of village agents from the system, so nobody can sign in. Please connect the kiosk to the network first.</translation>
    </message>
    <message>
        <source>agent.signin.not_villager</source>
        <extracomment>村民办事请按“首页”，不用在这里登录。</extracomment>
        <translation>Villagers: please press “Home”. You do not need to sign in here.</translation>
    </message>
    <message>
        <source>agent.signin.other_card</source>
        <extracomment>换一张证件</extracomment>
        <translation>Use another card</translation>
    </message>
    <message>
        <source>agent.signin.pin</source>
        <extracomment>密码</extracomment>
        <translation>PIN</translation>
    </message>
    <message>
        <source>agent.signin.place_card</source>
        <extracomment>请代办员把本人身份证放在读卡区。</extracomment>
        <translation>Village agent: place your own ID card on the reader.</translation>
    </message>
    <message>
        <source>agent.signin.reading</source>
        <extracomment>正在核对证件…</extracomment>
        <translation>Checking your card…</translation>
    </message>
    <message>
        <source>agent.signin.take_card</source>
        <extracomment>登录好了。请取回您的身份证。</extracomment>
        <translation>You are signed in. Please take back your ID card.</translation>
    </message>
    <message>
        <source>agent.signin.title</source>
        <extracomment>代办员登录</extracomment>
        <translation>Village agent sign-in</translation>
    </message>
    <message>
        <source>agent.signin.unknown</source>
        <extracomment>这张证件不是本网点代办员的。新登记的代办员要等终端联网取回名单后才能登录。</extracomment>
        <translation>This card does not belong to a village agent of this service point. Newly registered agents can sign in only after the kiosk has fetched the list online.</translation>
    </message>
    <message>
        <source>agent.signin.who</source>
        <extracomment>{name}（{number}），请输入 6 位密码。</extracomment>
        <translation>{name} ({number}), please enter your 6-digit PIN.</translation>
    </message>
    <message>
        <source>agent.signin.wrong_pin</source>
        <extracomment>密码不对。还可以再试 {left} 次，之后将锁定 15 分钟。</extracomment>
        <translation>Wrong PIN. Tries left: {left}. After that it locks for 15 minutes.</translation>
    </message>
    <message>
        <source>agent.slip.agent</source>
        <extracomment>代办员：{name}（{number}）</extracomment>
        <translation>Village agent: {name} ({number})</translation>
    </message>
    <message>
        <source>agent.slip.day</source>
        <extracomment>日期：{day}</extracomment>
        <translation>Date: {day}</translation>
    </message>
    <message>
        <source>agent.slip.hall</source>
        <extracomment>服务网点：{hall}</extracomment>
        <translation>Service point: {hall}</translation>
    </message>
    <message>
        <source>agent.slip.line</source>
        <extracomment>{receipt} {name} {state}</extracomment>
        <translation>{receipt} {name} {state}</translation>
    </message>
    <message>
        <source>agent.slip.none</source>
        <extracomment>今天还没有代办的件。</extracomment>
        <translation>No cases today yet.</translation>
    </message>
    <message>
        <source>agent.slip.offline</source>
        <extracomment>网络未连接：这是 {time} 从平台取回的清单。</extracomment>
        <translation>No network: this list was fetched from the system at {time}.</translation>
    </message>
    <message>
        <source>agent.slip.printed_at</source>
        <extracomment>打印时间：{time}</extracomment>
        <translation>Printed: {time}</translation>
    </message>
    <message>
        <source>agent.slip.state</source>
        <extracomment>{state}：{count} 件</extracomment>
        <translation>{state}: {count}</translation>
    </message>
    <message>
        <source>agent.slip.title</source>
        <extracomment>代办日汇总</extracomment>
        <translation>Daily case summary</translation>
    </message>
    <message>
        <source>agent.slip.total</source>
        <extracomment>共 {count} 件</extracomment>
        <translation>Total: {count}</translation>
    </message>
    <message>
        <source>agent.state.accepted</source>
        <extracomment>已受理</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>agent.state.completed</source>
        <extracomment>已办结，可领取</extracomment>
        <translation>Finished, ready to collect</translation>
    </message>
    <message>
        <source>agent.state.correction_needed</source>
        <extracomment>需补正材料</extracomment>
        <translation>Correction needed</translation>
    </message>
    <message>
        <source>agent.state.refused</source>
        <extracomment>不予受理</extracomment>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>agent.state.submitted</source>
        <extracomment>已提交</extracomment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>agent.state.under_review</source>
        <extracomment>审核中</extracomment>
        <translation>Being reviewed</translation>
    </message>
    <message>
        <source>agent.state.withdrawn</source>
        <extracomment>已撤回</extracomment>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>agent.worklist.day</source>
        <extracomment>{day}：{counts}</extracomment>
        <translation>{day}: {counts}</translation>
    </message>
    <message>
        <source>agent.worklist.empty</source>
        <extracomment>还没有代办的件。</extracomment>
        <translation>No cases yet.</translation>
    </message>
    <message>
        <source>agent.worklist.entry</source>
        <extracomment>{mark}{name}　{item}
{state}　回执 {receipt}</extracomment>
        <translation>{mark}{name}　{item}
{state}　Receipt {receipt}</translation>
    </message>
    <message>
        <source>agent.worklist.fresh</source>
        <extracomment>刚从平台取回。</extracomment>
        <translation>Just fetched from the system.</translation>
    </message>
    <message>
        <source>agent.worklist.loading</source>
        <extracomment>正在从平台取清单…</extracomment>
        <translation>Fetching the list from the system…</translation>
    </message>
    <message>
        <source>agent.worklist.needs_action</source>
        <extracomment>要村民去办的（补正材料、领取结果）：{count} 件</extracomment>
        <translation>Villagers need to act (corrections, collecting results): {count}</translation>
    </message>
    <message>
        <source>agent.worklist.offline_empty</source>
        <extracomment>网络未连接，本机也还没有保存过您的清单。</extracomment>
        <translation>No network, and your list has not been saved on this kiosk yet.</translation>
    </message>
    <message>
        <source>agent.worklist.refresh</source>
        <extracomment>刷新</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>agent.worklist.stale</source>
        <extracomment>网络未连接，这是 {age}前取回的清单，状态可能已经变了。</extracomment>
        <translation>No network. This list was fetched {age} ago; some statuses may have changed.</translation>
    </message>
    <message>
        <source>agent.worklist.state_count</source>
        <extracomment>{state} {count}</extracomment>
        <translation>{state}: {count}</translation>
    </message>
    <message>
        <source>agent.worklist.title</source>
        <extracomment>我代办的件</extracomment>
        <translation>My cases</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>app.title</source>
        <extracomment>政务服务自助终端</extracomment>
        <translation>Government Services Self-Service Kiosk</translation>
    </message>
</context>
<context>
    <name>apply</name>
    <message>
        <source>apply.agent_note</source>
        <extracomment>代办员 {name} 帮您办理。</extracomment>
        <translation>Village agent {name} is helping you apply.</translation>
    </message>
    <message>
        <source>apply.capture</source>
        <extracomment>◉ 拍照</extracomment>
        <translation>◉ Take photo</translation>
    </message>
    <message>
        <source>apply.captured</source>
        <extracomment>✔ 拍好了。</extracomment>
        <translation>✔ Photo taken.</translation>
    </message>
    <message>
        <source>apply.capturing</source>
        <extracomment>正在处理照片，请不要移动材料……</extracomment>
        <translation>Processing the photo. Please do not move the document…</translation>
    </message>
    <message>
        <source>apply.choose</source>
        <extracomment>先找到您要办的事：在办事指南里可以按类别找，也可以搜索。</extracomment>
        <translation>First find the service you need: browse the service guide by category, or search.</translation>
    </message>
    <message>
        <source>apply.consent</source>
        <extracomment>☐ 我同意</extracomment>
        <translation>☐ I agree</translation>
    </message>
    <message>
        <source>apply.consent_text</source>
        <extracomment>我确认以上信息真实，同意把申请和材料交给政府部门办理。</extracomment>
        <translation>I confirm the information above is true, and I agree to send my application and documents to the government offices that handle it.</translation>
    </message>
    <message>
        <source>apply.consented</source>
        <extracomment>☑ 我同意</extracomment>
        <translation>☑ I agree</translation>
    </message>
    <message>
        <source>apply.done_title</source>
        <extracomment>申请已受理</extracomment>
        <translation>Application accepted</translation>
    </message>
    <message>
        <source>apply.edit_form</source>
        <extracomment>改填写的内容</extracomment>
        <translation>Change my answers</translation>
    </message>
    <message>
        <source>apply.edit_materials</source>
        <extracomment>补拍材料</extracomment>
        <translation>Take more photos</translation>
    </message>
    <message>
        <source>apply.fee_note</source>
        <extracomment>这个事项要交费 {yuan} 元，提交后可以扫码缴费。</extracomment>
        <translation>This service costs {yuan} yuan. After you submit, you can pay by scanning a QR code.</translation>
    </message>
    <message>
        <source>apply.finish</source>
        <extracomment>办完了，回首页</extracomment>
        <translation>Done, go home</translation>
    </message>
    <message>
        <source>apply.form_hint</source>
        <extracomment>灰色的内容是从您的证件读出来的，不用改。</extracomment>
        <translation>The grey parts were read from your card. You do not need to change them.</translation>
    </message>
    <message>
        <source>apply.form_next</source>
        <extracomment>下一步：拍材料</extracomment>
        <translation>Next: photograph documents</translation>
    </message>
    <message>
        <source>apply.form_problems</source>
        <extracomment>还有 {count} 处要改，请看红色的提示。</extracomment>
        <translation>Things still to fix: {count}. Please see the red notes.</translation>
    </message>
    <message>
        <source>apply.form_title</source>
        <extracomment>填写申请表</extracomment>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <source>apply.from_card</source>
        <extracomment>（从证件读出，不用填）</extracomment>
        <translation>(read from your card, no need to fill in)</translation>
    </message>
    <message>
        <source>apply.incomplete</source>
        <extracomment>表格还没有填完整，请看红色的提示。</extracomment>
        <translation>The form is not complete yet. Please see the red notes.</translation>
    </message>
    <message>
        <source>apply.loading</source>
        <extracomment>正在打开表格……</extracomment>
        <translation>Opening the form…</translation>
    </message>
    <message>
        <source>apply.material_card</source>
        <extracomment>✔ {name}：已经读过证件，不用拍</extracomment>
        <translation>✔ {name}: your card has been read, no photo needed</translation>
    </message>
    <message>
        <source>apply.material_done</source>
        <extracomment>✔ {name}：已拍 {have} 页</extracomment>
        <translation>✔ {name}: pages taken: {have}</translation>
    </message>
    <message>
        <source>apply.material_now</source>
        <extracomment>现在拍：{name}（第 {page} 页，共 {count} 页）</extracomment>
        <translation>Photograph now: {name} (page {page} of {count})</translation>
    </message>
    <message>
        <source>apply.material_optional</source>
        <extracomment>○ {name}：有就拍，没有可以跳过</extracomment>
        <translation>○ {name}: photograph it if you have it, or skip</translation>
    </message>
    <message>
        <source>apply.material_place</source>
        <extracomment>请把材料平放在拍摄区，看到绿色框后按“拍照”。</extracomment>
        <translation>Lay the document flat in the photo area. When you see the green frame, press “Take photo”.</translation>
    </message>
    <message>
        <source>apply.material_todo</source>
        <extracomment>○ {name}：还要拍 {left} 页</extracomment>
        <translation>○ {name}: pages still to take: {left}</translation>
    </message>
    <message>
        <source>apply.materials_next</source>
        <extracomment>下一步：核对信息</extracomment>
        <translation>Next: check your details</translation>
    </message>
    <message>
        <source>apply.materials_title</source>
        <extracomment>拍照上传材料</extracomment>
        <translation>Photograph your documents</translation>
    </message>
    <message>
        <source>apply.missing_material</source>
        <extracomment>材料：{name}</extracomment>
        <translation>Document: {name}</translation>
    </message>
    <message>
        <source>apply.missing_title</source>
        <extracomment>还缺下面这些，一次告诉您：</extracomment>
        <translation>Everything you still need:</translation>
    </message>
    <message>
        <source>apply.no</source>
        <extracomment>否</extracomment>
        <translation>No</translation>
    </message>
    <message>
        <source>apply.no_camera</source>
        <extracomment>摄像头暂时不能用。您可以先提交，材料带到窗口交。</extracomment>
        <translation>The camera cannot be used right now. You can submit first and bring your documents to the counter.</translation>
    </message>
    <message>
        <source>apply.no_proxy</source>
        <extracomment>这个事项必须本人亲自办理，代办员不能代办。请本人带证件来办。</extracomment>
        <translation>You must apply for this in person; a village agent cannot do it for you. Please come yourself and bring your ID card.</translation>
    </message>
    <message>
        <source>apply.not_here</source>
        <extracomment>这个事项本机不能申请，请到便民服务中心窗口办理。</extracomment>
        <translation>You cannot apply for this on this kiosk. Please go to the counter at the service centre.</translation>
    </message>
    <message>
        <source>apply.not_printed</source>
        <extracomment>回执没有打印出来（{why}）。申请没有丢，请用手机拍下这个二维码，或记下回执编号。</extracomment>
        <translation>The receipt could not be printed ({why}). Your application is safe. Please take a photo of this QR code with your phone, or write down the receipt number.</translation>
    </message>
    <message>
        <source>apply.not_ready</source>
        <extracomment>本机还没有准备好接收申请，请稍后再试或询问工作人员。</extracomment>
        <translation>This kiosk is not ready to take applications yet. Please try again later or ask a member of staff.</translation>
    </message>
    <message>
        <source>apply.nothing_missing</source>
        <extracomment>✔ 信息和材料都齐了。</extracomment>
        <translation>✔ All your details and documents are complete.</translation>
    </message>
    <message>
        <source>apply.offline_receipt</source>
        <extracomment>现在没有网络：申请已在本终端受理，网络恢复后自动发送，平台收到后正式生效。</extracomment>
        <translation>No network right now: your application has been accepted on this kiosk and will be sent automatically when the network is back. It takes effect once the system receives it.</translation>
    </message>
    <message>
        <source>apply.online_receipt</source>
        <extracomment>✔ 平台已经收到您的申请。</extracomment>
        <translation>✔ The system has received your application.</translation>
    </message>
    <message>
        <source>apply.optional</source>
        <extracomment>（可以不填）</extracomment>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>apply.pages_count</source>
        <extracomment>已拍材料：{count} 页</extracomment>
        <translation>Pages photographed: {count}</translation>
    </message>
    <message>
        <source>apply.pay_at_window</source>
        <extracomment>本机暂时不能缴费，请到窗口缴费。</extracomment>
        <translation>You cannot pay on this kiosk right now. Please pay at the counter.</translation>
    </message>
    <message>
        <source>apply.pay_offline</source>
        <extracomment>现在没有网络，不能在本机缴费。网络恢复后用回执上的编号查询并缴费，或到窗口缴费。</extracomment>
        <translation>No network right now, so you cannot pay on this kiosk. When the network is back, look up the number on your receipt and pay, or pay at the counter.</translation>
    </message>
    <message>
        <source>apply.pay_qr</source>
        <extracomment>请用手机扫描下面的二维码缴费 {yuan} 元，缴费通知已打印。</extracomment>
        <translation>Please scan the QR code below with your phone to pay {yuan} yuan. A payment notice has been printed.</translation>
    </message>
    <message>
        <source>apply.payment_step</source>
        <extracomment>应缴 {yuan} 元，请用手机扫描下方二维码缴费。</extracomment>
        <translation>Amount to pay: {yuan} yuan. Please scan the QR code below with your phone to pay.</translation>
    </message>
    <message>
        <source>apply.payment_title</source>
        <extracomment>缴费通知</extracomment>
        <translation>Payment notice</translation>
    </message>
    <message>
        <source>apply.printed</source>
        <extracomment>✔ 回执已打印，请从出纸口取走，妥善保管。</extracomment>
        <translation>✔ Your receipt is printed. Please take it from the printer slot and keep it safe.</translation>
    </message>
    <message>
        <source>apply.receipt_footer</source>
        <extracomment>政务服务便民热线 {phone}</extracomment>
        <translation>Government services hotline {phone}</translation>
    </message>
    <message>
        <source>apply.receipt_no</source>
        <extracomment>回执编号：{number}</extracomment>
        <translation>Receipt number: {number}</translation>
    </message>
    <message>
        <source>apply.receipt_step_keep</source>
        <extracomment>请保管好回执，凭回执编号或二维码查询进度。</extracomment>
        <translation>Keep your receipt safe. Use the receipt number or QR code to check progress.</translation>
    </message>
    <message>
        <source>apply.receipt_step_review</source>
        <extracomment>工作人员会在规定时间内审核，结果会短信通知您。</extracomment>
        <translation>Staff will review your application within the set time. You will get the result by text message.</translation>
    </message>
    <message>
        <source>apply.receipt_title</source>
        <extracomment>受理回执</extracomment>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>apply.restart</source>
        <extracomment>重新开始</extracomment>
        <translation>Start again</translation>
    </message>
    <message>
        <source>apply.resume</source>
        <extracomment>接着办</extracomment>
        <translation>Carry on</translation>
    </message>
    <message>
        <source>apply.resume_title</source>
        <extracomment>您上次办到一半，要接着办吗？</extracomment>
        <translation>You did not finish last time. Carry on?</translation>
    </message>
    <message>
        <source>apply.retake</source>
        <extracomment>重拍上一页</extracomment>
        <translation>Retake last page</translation>
    </message>
    <message>
        <source>apply.review_title</source>
        <extracomment>核对并提交</extracomment>
        <translation>Check and submit</translation>
    </message>
    <message>
        <source>apply.skip</source>
        <extracomment>这份先不拍</extracomment>
        <translation>Skip this one</translation>
    </message>
    <message>
        <source>apply.submit</source>
        <extracomment>✔ 提交申请</extracomment>
        <translation>✔ Submit</translation>
    </message>
    <message>
        <source>apply.submitting</source>
        <extracomment>正在提交并打印回执，请稍候……</extracomment>
        <translation>Submitting and printing your receipt, please wait…</translation>
    </message>
    <message>
        <source>apply.title</source>
        <extracomment>我要办事</extracomment>
        <translation>Apply</translation>
    </message>
    <message>
        <source>apply.to_guide</source>
        <extracomment>去办事指南找</extracomment>
        <translation>Go to the service guide</translation>
    </message>
    <message>
        <source>apply.yes</source>
        <extracomment>是</extracomment>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>appointment</name>
    <message>
        <source>appointment.am</source>
        <extracomment>上午</extracomment>
        <translation>Morning</translation>
    </message>
    <message>
        <source>appointment.bad_phone</source>
        <extracomment>手机号不对，请输入11位手机号。</extracomment>
        <translation>That phone number is wrong. Please enter an 11-digit mobile number.</translation>
    </message>
    <message>
        <source>appointment.book</source>
        <extracomment>预约到大厅办事的时间</extracomment>
        <translation>Book a time at the service hall</translation>
    </message>
    <message>
        <source>appointment.book_title</source>
        <extracomment>预约</extracomment>
        <translation>Book</translation>
    </message>
    <message>
        <source>appointment.check_in</source>
        <extracomment>我已预约，刷身份证签到取号</extracomment>
        <translation>I have booked: check in with my ID card</translation>
    </message>
    <message>
        <source>appointment.choose</source>
        <extracomment>您要做什么？</extracomment>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>appointment.confirm</source>
        <extracomment>✔ 确认预约</extracomment>
        <translation>✔ Confirm booking</translation>
    </message>
    <message>
        <source>appointment.confirm_intro</source>
        <extracomment>请核对您的预约：</extracomment>
        <translation>Please check your booking:</translation>
    </message>
    <message>
        <source>appointment.confirmed</source>
        <extracomment>✔ 预约成功！请取走预约凭条。</extracomment>
        <translation>✔ Booked! Please take your booking slip.</translation>
    </message>
    <message>
        <source>appointment.day</source>
        <extracomment>{month}月{day}日 {weekday}</extracomment>
        <translation>{weekday} {day}/{month}</translation>
    </message>
    <message>
        <source>appointment.free</source>
        <extracomment>还剩 {count} 个</extracomment>
        <translation>{count} left</translation>
    </message>
    <message>
        <source>appointment.full</source>
        <extracomment>已约满</extracomment>
        <translation>Fully booked</translation>
    </message>
    <message>
        <source>appointment.halls_offline</source>
        <extracomment>网络未连接，现在只能预约本大厅。</extracomment>
        <translation>No network: you can only book at this service hall for now.</translation>
    </message>
    <message>
        <source>appointment.identify_for</source>
        <extracomment>预约：{item}</extracomment>
        <translation>Booking: {item}</translation>
    </message>
    <message>
        <source>appointment.identify_for_check_in</source>
        <extracomment>签到取号</extracomment>
        <translation>Check in and take a queue number</translation>
    </message>
    <message>
        <source>appointment.need_card</source>
        <extracomment>预约要刷身份证，本机暂时不能读卡，请到窗口预约或询问工作人员。</extracomment>
        <translation>Booking needs your ID card, but this kiosk cannot read cards right now. Please book at the counter or ask a member of staff.</translation>
    </message>
    <message>
        <source>appointment.no_items</source>
        <extracomment>本机还没有办事指南，暂时不能预约，请询问工作人员。</extracomment>
        <translation>This kiosk has no service guide yet, so you cannot book. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>appointment.other_hall</source>
        <extracomment>换一个大厅</extracomment>
        <translation>Other hall</translation>
    </message>
    <message>
        <source>appointment.other_slot</source>
        <extracomment>换一个时段</extracomment>
        <translation>Other time</translation>
    </message>
    <message>
        <source>appointment.phone</source>
        <extracomment>留个手机号，预约确认后短信通知您（可以不填）：</extracomment>
        <translation>Leave a mobile number and we will text you when your booking is confirmed (optional):</translation>
    </message>
    <message>
        <source>appointment.pm</source>
        <extracomment>下午</extracomment>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>appointment.refused</source>
        <extracomment>预约没有成功，请询问工作人员。</extracomment>
        <translation>The booking did not work. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>appointment.saving</source>
        <extracomment>正在预约，请稍候…</extracomment>
        <translation>Booking, please wait…</translation>
    </message>
    <message>
        <source>appointment.skip_phone</source>
        <extracomment>不留手机号</extracomment>
        <translation>No phone number</translation>
    </message>
    <message>
        <source>appointment.slip_booking</source>
        <extracomment>预约号：{booking}</extracomment>
        <translation>Booking number: {booking}</translation>
    </message>
    <message>
        <source>appointment.slip_come</source>
        <extracomment>请按时到大厅，刷身份证签到取号。</extracomment>
        <translation>Please come to the service hall on time and check in with your ID card to take a queue number.</translation>
    </message>
    <message>
        <source>appointment.slip_hall</source>
        <extracomment>服务网点：{hall}</extracomment>
        <translation>Service point: {hall}</translation>
    </message>
    <message>
        <source>appointment.slip_item</source>
        <extracomment>办理事项：{item}</extracomment>
        <translation>Service: {item}</translation>
    </message>
    <message>
        <source>appointment.slip_person</source>
        <extracomment>预约人：{name}</extracomment>
        <translation>Booked by: {name}</translation>
    </message>
    <message>
        <source>appointment.slip_receipt</source>
        <extracomment>回执编号：{receipt}</extracomment>
        <translation>Receipt number: {receipt}</translation>
    </message>
    <message>
        <source>appointment.slip_title</source>
        <extracomment>预约凭条</extracomment>
        <translation>Booking slip</translation>
    </message>
    <message>
        <source>appointment.slip_waiting</source>
        <extracomment>等待确认：预约已保存在本机，平台确认后才算预约成功。可扫码或凭回执编号查询是否成功。</extracomment>
        <translation>Waiting for confirmation: your booking is saved on this kiosk and only counts once the system confirms it. Scan the QR code or use the receipt number to check.</translation>
    </message>
    <message>
        <source>appointment.slot_full</source>
        <extracomment>这个时段刚刚约满了，预约没有成功。请换一个时段。</extracomment>
        <translation>This time has just been fully booked, so your booking did not work. Please choose another time.</translation>
    </message>
    <message>
        <source>appointment.slots_offline</source>
        <extracomment>网络未连接，看不到剩余名额。可以先预约，平台确认后才算成功。</extracomment>
        <translation>No network, so free places cannot be shown. You can still book; it only counts once the system confirms it.</translation>
    </message>
    <message>
        <source>appointment.this_hall</source>
        <extracomment>✔ 就在 {hall}</extracomment>
        <translation>✔ Here at {hall}</translation>
    </message>
    <message>
        <source>appointment.title</source>
        <extracomment>预约取号</extracomment>
        <translation>Book or take a number</translation>
    </message>
    <message>
        <source>appointment.waiting</source>
        <extracomment>预约已保存，正在等待平台确认。请取走凭条，稍后可凭凭条查询是否成功。</extracomment>
        <translation>Your booking is saved and waiting for the system to confirm it. Please take your slip; you can use it later to check.</translation>
    </message>
    <message>
        <source>appointment.walk_in</source>
        <extracomment>没有预约，现场取号</extracomment>
        <translation>No booking: take a queue number</translation>
    </message>
    <message>
        <source>appointment.which_category</source>
        <extracomment>办哪一类事？</extracomment>
        <translation>What kind of service?</translation>
    </message>
    <message>
        <source>appointment.which_day</source>
        <extracomment>哪一天来？</extracomment>
        <translation>Which day?</translation>
    </message>
    <message>
        <source>appointment.which_hall</source>
        <extracomment>在哪个大厅办？</extracomment>
        <translation>Which service hall?</translation>
    </message>
    <message>
        <source>appointment.which_item</source>
        <extracomment>办什么事？</extracomment>
        <translation>Which service?</translation>
    </message>
    <message>
        <source>appointment.which_slot</source>
        <extracomment>什么时间来？</extracomment>
        <translation>What time?</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>audit.personal_data</source>
        <extracomment>操作记录里不能写入个人信息，本次操作未记录，请联系技术人员。</extracomment>
        <translation>Personal information may not be written to the activity log. This action was not recorded. Please contact technical support.</translation>
    </message>
</context>
<context>
    <name>camera</name>
    <message>
        <source>camera.black_frame</source>
        <extracomment>摄像头画面是黑的，可能被挡住了。</extracomment>
        <translation>The camera picture is black. Something may be covering it.</translation>
    </message>
    <message>
        <source>camera.error</source>
        <extracomment>摄像头出现故障，请询问工作人员。</extracomment>
        <translation>The camera is not working. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>camera.missing</source>
        <extracomment>摄像头没有连接，拍照和人脸比对暂不能用。</extracomment>
        <translation>No camera is connected. Photos and face checks cannot be used for now.</translation>
    </message>
    <message>
        <source>camera.no_frame</source>
        <extracomment>摄像头没有画面，正在重新连接…</extracomment>
        <translation>No picture from the camera. Reconnecting…</translation>
    </message>
    <message>
        <source>camera.ready</source>
        <extracomment>摄像头正常</extracomment>
        <translation>Camera working</translation>
    </message>
    <message>
        <source>camera.stream_ended</source>
        <extracomment>摄像头画面中断，正在重新连接…</extracomment>
        <translation>The camera picture stopped. Reconnecting…</translation>
    </message>
</context>
<context>
    <name>card</name>
    <message>
        <source>card.expired</source>
        <extracomment>您的证件已过有效期，请先到派出所换证，或询问工作人员。</extracomment>
        <translation>Your ID card has expired. Please renew it at the police station first, or ask a member of staff.</translation>
    </message>
    <message>
        <source>card.needs_psam</source>
        <extracomment>这张社保卡的信息需要专用设备才能读取，请改用身份证。</extracomment>
        <translation>This social security card needs special equipment to read. Please use your ID card instead.</translation>
    </message>
    <message>
        <source>card.photo_unavailable</source>
        <extracomment>证件照片读不出来，无法比对人脸，请询问工作人员。</extracomment>
        <translation>The photo on your card cannot be read, so your face cannot be checked. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>card.photo_unavailable_no_decoder</source>
        <extracomment>本机暂不能读取证件照片，人脸比对需要工作人员协助。</extracomment>
        <translation>This kiosk cannot read card photos at the moment. A member of staff will help with the face check.</translation>
    </message>
    <message>
        <source>card.removed_during_read</source>
        <extracomment>证件拿开得太快了。请重新放好，等读完再拿走。</extracomment>
        <translation>The card was taken away too soon. Please put it back and wait until reading is finished.</translation>
    </message>
    <message>
        <source>card.removed_grace</source>
        <extracomment>身份证已取出。{seconds} 秒内放回可继续办理，否则将退出。</extracomment>
        <translation>Your ID card has been taken out. Put it back within {seconds} seconds to continue, or you will be signed out.</translation>
    </message>
    <message>
        <source>card.unknown_type</source>
        <extracomment>这张卡不是身份证或社保卡，请换一张证件。</extracomment>
        <translation>This card is not an ID card or a social security card. Please use another card.</translation>
    </message>
    <message>
        <source>card.unreadable</source>
        <extracomment>证件读不出来。请把证件拿起来，重新平放在读卡区。</extracomment>
        <translation>The card cannot be read. Please lift it and lay it flat on the reader again.</translation>
    </message>
</context>
<context>
    <name>case</name>
    <message>
        <source>case.status.accepted</source>
        <extracomment>已受理</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>case.status.completed</source>
        <extracomment>已办结</extracomment>
        <translation>Finished</translation>
    </message>
    <message>
        <source>case.status.correction_needed</source>
        <extracomment>需要补正材料</extracomment>
        <translation>Correction needed</translation>
    </message>
    <message>
        <source>case.status.refused</source>
        <extracomment>不予受理</extracomment>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>case.status.submitted</source>
        <extracomment>已提交</extracomment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>case.status.under_review</source>
        <extracomment>审核中</extracomment>
        <translation>Being reviewed</translation>
    </message>
    <message>
        <source>case.status.withdrawn</source>
        <extracomment>已撤回</extracomment>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>catalog.bad_reply</source>
        <extracomment>办事指南更新失败，显示的是上次保存的内容。</extracomment>
        <translation>The service guide could not be updated. You are seeing the last saved version.</translation>
    </message>
    <message>
        <source>catalog.not_refreshed</source>
        <extracomment>显示的是本机保存的办事指南。</extracomment>
        <translation>You are seeing the service guide saved on this kiosk.</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>common.ask_staff</source>
        <extracomment>如需帮助，请找工作人员。</extracomment>
        <translation>If you need help, please ask a member of staff.</translation>
    </message>
    <message>
        <source>common.hotline</source>
        <extracomment>政务服务便民热线 {phone}</extracomment>
        <translation>Government services hotline {phone}</translation>
    </message>
    <message>
        <source>common.loading</source>
        <extracomment>正在加载，请稍候…</extracomment>
        <translation>Loading, please wait…</translation>
    </message>
</context>
<context>
    <name>complaint</name>
    <message>
        <source>complaint.another</source>
        <extracomment>再写一条</extracomment>
        <translation>Write another</translation>
    </message>
    <message>
        <source>complaint.bad_category</source>
        <extracomment>请选择是哪方面的事。</extracomment>
        <translation>Please choose what it is about.</translation>
    </message>
    <message>
        <source>complaint.bad_phone</source>
        <extracomment>手机号不对，请输入 11 位手机号。</extracomment>
        <translation>That phone number is wrong. Please enter an 11-digit mobile number.</translation>
    </message>
    <message>
        <source>complaint.cat.farming</source>
        <extracomment>农业农村</extracomment>
        <translation>Farming and rural affairs</translation>
    </message>
    <message>
        <source>complaint.cat.health</source>
        <extracomment>医疗卫生</extracomment>
        <translation>Health care</translation>
    </message>
    <message>
        <source>complaint.cat.household</source>
        <extracomment>户籍证件</extracomment>
        <translation>Household registration and ID</translation>
    </message>
    <message>
        <source>complaint.cat.other</source>
        <extracomment>其他</extracomment>
        <translation>Other</translation>
    </message>
    <message>
        <source>complaint.cat.service</source>
        <extracomment>办事服务</extracomment>
        <translation>Government services</translation>
    </message>
    <message>
        <source>complaint.cat.social_assistance</source>
        <extracomment>社会救助</extracomment>
        <translation>Social assistance</translation>
    </message>
    <message>
        <source>complaint.cat.social_security</source>
        <extracomment>社会保障</extracomment>
        <translation>Social security</translation>
    </message>
    <message>
        <source>complaint.choose_category</source>
        <extracomment>请选择是哪方面的事。</extracomment>
        <translation>Please choose what it is about.</translation>
    </message>
    <message>
        <source>complaint.choose_kind</source>
        <extracomment>请先选择“我要咨询”或“我要投诉”。</extracomment>
        <translation>Please first choose “Ask a question” or “Make a complaint”.</translation>
    </message>
    <message>
        <source>complaint.done</source>
        <extracomment>已受理，回执编号：</extracomment>
        <translation>Received. Receipt number:</translation>
    </message>
    <message>
        <source>complaint.hotline</source>
        <extracomment>☎ 也可以直接拨打 {phone} 政务服务便民热线。</extracomment>
        <translation>☎ You can also call the government services hotline {phone}.</translation>
    </message>
    <message>
        <source>complaint.keep_number</source>
        <extracomment>请记下回执编号，可以凭编号查询处理结果。</extracomment>
        <translation>Please write down the receipt number. You can use it to check the result.</translation>
    </message>
    <message>
        <source>complaint.kind.complaint</source>
        <extracomment>我要投诉</extracomment>
        <translation>Make a complaint</translation>
    </message>
    <message>
        <source>complaint.kind.consultation</source>
        <extracomment>我要咨询</extracomment>
        <translation>Ask a question</translation>
    </message>
    <message>
        <source>complaint.left</source>
        <extracomment>还能写 {n} 个字</extracomment>
        <translation>Characters left: {n}</translation>
    </message>
    <message>
        <source>complaint.not_printed</source>
        <extracomment>回执没有打印出来，请记下上面的编号。</extracomment>
        <translation>The receipt could not be printed. Please write down the number above.</translation>
    </message>
    <message>
        <source>complaint.not_ready</source>
        <extracomment>本机暂时不能受理咨询投诉，请拨打 12345 或询问工作人员。</extracomment>
        <translation>This kiosk cannot take questions or complaints right now. Please call 12345 or ask a member of staff.</translation>
    </message>
    <message>
        <source>complaint.offline</source>
        <extracomment>网络未连接：已保存在本机，网络恢复后自动发送。</extracomment>
        <translation>No network: saved on this kiosk, and sent automatically when the network is back.</translation>
    </message>
    <message>
        <source>complaint.online</source>
        <extracomment>已保存，正在发送给相关部门。</extracomment>
        <translation>Saved. Sending it to the right office.</translation>
    </message>
    <message>
        <source>complaint.phone_hint_complaint</source>
        <extracomment>手机号（投诉必须填写，方便回复您）</extracomment>
        <translation>Mobile number (needed for complaints, so we can reply)</translation>
    </message>
    <message>
        <source>complaint.phone_hint_consultation</source>
        <extracomment>手机号（咨询可以不填）</extracomment>
        <translation>Mobile number (optional for questions)</translation>
    </message>
    <message>
        <source>complaint.phone_needed</source>
        <extracomment>投诉需要留手机号，方便把处理结果告诉您。</extracomment>
        <translation>Complaints need a mobile number so we can tell you the result.</translation>
    </message>
    <message>
        <source>complaint.printed</source>
        <extracomment>回执已打印，请取走。</extracomment>
        <translation>Your receipt is printed. Please take it.</translation>
    </message>
    <message>
        <source>complaint.receipt_footer</source>
        <extracomment>政务服务便民热线 {phone}</extracomment>
        <translation>Government services hotline {phone}</translation>
    </message>
    <message>
        <source>complaint.receipt_title</source>
        <extracomment>咨询投诉回执</extracomment>
        <translation>Questions &amp; complaints receipt</translation>
    </message>
    <message>
        <source>complaint.send</source>
        <extracomment>✔ 提交</extracomment>
        <translation>✔ Submit</translation>
    </message>
    <message>
        <source>complaint.sending</source>
        <extracomment>正在保存，请稍候…</extracomment>
        <translation>Saving, please wait…</translation>
    </message>
    <message>
        <source>complaint.step_category</source>
        <extracomment>② 是哪方面的事？</extracomment>
        <translation>② What is it about?</translation>
    </message>
    <message>
        <source>complaint.step_kind</source>
        <extracomment>① 您要做什么？</extracomment>
        <translation>① What would you like to do?</translation>
    </message>
    <message>
        <source>complaint.step_phone</source>
        <extracomment>④ 您的手机号</extracomment>
        <translation>④ Your mobile number</translation>
    </message>
    <message>
        <source>complaint.step_text</source>
        <extracomment>③ 请写下您的问题（点下面的框，用屏幕键盘输入）</extracomment>
        <translation>③ Write your question (tap the box below and use the on-screen keyboard)</translation>
    </message>
    <message>
        <source>complaint.text_empty</source>
        <extracomment>请写下您的问题。</extracomment>
        <translation>Please write your question.</translation>
    </message>
    <message>
        <source>complaint.text_hint</source>
        <extracomment>例如：低保什么时候发？</extracomment>
        <translation>For example: When is the minimum living allowance paid?</translation>
    </message>
    <message>
        <source>complaint.text_long</source>
        <extracomment>写得太长了，请不超过 500 个字。</extracomment>
        <translation>That is too long. Please use no more than 500 characters.</translation>
    </message>
    <message>
        <source>complaint.title</source>
        <extracomment>咨询投诉</extracomment>
        <translation>Questions &amp; complaints</translation>
    </message>
</context>
<context>
    <name>device</name>
    <message>
        <source>device.config_invalid</source>
        <extracomment>设备设置有误，请询问工作人员。</extracomment>
        <translation>A device is set up wrongly. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>device.disabled</source>
        <extracomment>本机没有配这个设备</extracomment>
        <translation>This kiosk does not have this device</translation>
    </message>
    <message>
        <source>device.failed</source>
        <extracomment>设备没有启动，请询问工作人员。</extracomment>
        <translation>A device did not start. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>device.starting</source>
        <extracomment>设备正在启动…</extracomment>
        <translation>The device is starting…</translation>
    </message>
</context>
<context>
    <name>document</name>
    <message>
        <source>document.blurry</source>
        <extracomment>画面模糊，请拿稳不要动。</extracomment>
        <translation>The picture is blurred. Please hold still.</translation>
    </message>
    <message>
        <source>document.cut_off</source>
        <extracomment>材料没有拍全，请把四个角都放进框里。</extracomment>
        <translation>Part of the document is missing. Please get all four corners inside the frame.</translation>
    </message>
    <message>
        <source>document.glare</source>
        <extracomment>有反光，请稍微倾斜材料。</extracomment>
        <translation>There is glare. Please tilt the document a little.</translation>
    </message>
    <message>
        <source>document.move_closer</source>
        <extracomment>材料太小了，请靠近一点。</extracomment>
        <translation>The document is too small. Please bring it closer.</translation>
    </message>
    <message>
        <source>document.not_found</source>
        <extracomment>请把材料平放在拍摄区内。</extracomment>
        <translation>Please lay the document flat in the photo area.</translation>
    </message>
    <message>
        <source>document.ok</source>
        <extracomment>很好，请保持不动。</extracomment>
        <translation>Good. Please keep still.</translation>
    </message>
    <message>
        <source>document.too_dark</source>
        <extracomment>太暗了，请把材料移到亮一点的地方。</extracomment>
        <translation>It is too dark. Please move the document somewhere brighter.</translation>
    </message>
</context>
<context>
    <name>error</name>
    <message>
        <source>error.cancelled</source>
        <extracomment>已取消。</extracomment>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>error.config</source>
        <extracomment>本机设置有误，暂停服务，请联系工作人员。</extracomment>
        <translation>This kiosk is set up wrongly and is out of service. Please contact a member of staff.</translation>
    </message>
    <message>
        <source>error.device</source>
        <extracomment>设备出现故障，请询问工作人员。</extracomment>
        <translation>A device is not working. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>error.generic</source>
        <extracomment>出现问题，请再试一次或询问工作人员。</extracomment>
        <translation>Something went wrong. Please try again or ask a member of staff.</translation>
    </message>
    <message>
        <source>error.platform</source>
        <extracomment>暂时连不上政务服务平台，您的办理会先保存在本机。</extracomment>
        <translation>The government services system cannot be reached right now. Your application will be saved on this kiosk first.</translation>
    </message>
    <message>
        <source>error.storage_full</source>
        <extracomment>本机存储空间已满，暂时不能保存新的办理，请到窗口办理或联系工作人员。已保存的不会丢失。</extracomment>
        <translation>This kiosk's storage is full and cannot save new applications for now. Please go to the service counter or contact a member of staff. Nothing already saved will be lost.</translation>
    </message>
</context>
<context>
    <name>evaluation</name>
    <message>
        <source>evaluation.dim.attitude</source>
        <extracomment>服务态度</extracomment>
        <translation>Staff attitude</translation>
    </message>
    <message>
        <source>evaluation.dim.efficiency</source>
        <extracomment>办事效率</extracomment>
        <translation>Speed</translation>
    </message>
    <message>
        <source>evaluation.dim.service_level</source>
        <extracomment>服务水平</extracomment>
        <translation>Quality of service</translation>
    </message>
    <message>
        <source>evaluation.dimension_value</source>
        <extracomment>{name}：{level}</extracomment>
        <translation>{name}: {level}</translation>
    </message>
    <message>
        <source>evaluation.dimensions</source>
        <extracomment>还可以分项评价（已按您的总体评价选好，可以改）：</extracomment>
        <translation>You can also rate each part (already set from your overall rating; you can change them):</translation>
    </message>
    <message>
        <source>evaluation.for_case</source>
        <extracomment>评价：{item}</extracomment>
        <translation>Rating: {item}</translation>
    </message>
    <message>
        <source>evaluation.for_hall</source>
        <extracomment>评价：{hall}</extracomment>
        <translation>Rating: {hall}</translation>
    </message>
    <message>
        <source>evaluation.for_receipt</source>
        <extracomment>回执编号：{receipt}</extracomment>
        <translation>Receipt number: {receipt}</translation>
    </message>
    <message>
        <source>evaluation.hall_only</source>
        <extracomment>评价今天的大厅服务</extracomment>
        <translation>Rate today's service at the hall</translation>
    </message>
    <message>
        <source>evaluation.how_was_it</source>
        <extracomment>您对这次服务满意吗？</extracomment>
        <translation>Were you happy with the service?</translation>
    </message>
    <message>
        <source>evaluation.level.1</source>
        <extracomment>非常不满意</extracomment>
        <translation>Very unhappy</translation>
    </message>
    <message>
        <source>evaluation.level.2</source>
        <extracomment>不满意</extracomment>
        <translation>Unhappy</translation>
    </message>
    <message>
        <source>evaluation.level.3</source>
        <extracomment>基本满意</extracomment>
        <translation>Mostly happy</translation>
    </message>
    <message>
        <source>evaluation.level.4</source>
        <extracomment>满意</extracomment>
        <translation>Happy</translation>
    </message>
    <message>
        <source>evaluation.level.5</source>
        <extracomment>非常满意</extracomment>
        <translation>Very happy</translation>
    </message>
    <message>
        <source>evaluation.pick_one</source>
        <extracomment>请至少选一项，再点下一步。</extracomment>
        <translation>Please choose at least one, then tap Next.</translation>
    </message>
    <message>
        <source>evaluation.problem.0</source>
        <extracomment>办事效率低</extracomment>
        <translation>Too slow</translation>
    </message>
    <message>
        <source>evaluation.problem.1</source>
        <extracomment>工作人员态度不好</extracomment>
        <translation>Staff were unfriendly</translation>
    </message>
    <message>
        <source>evaluation.problem.2</source>
        <extracomment>多次跑腿</extracomment>
        <translation>Had to come back many times</translation>
    </message>
    <message>
        <source>evaluation.problem.3</source>
        <extracomment>材料要求不清楚</extracomment>
        <translation>Unclear what documents were needed</translation>
    </message>
    <message>
        <source>evaluation.problem.4</source>
        <extracomment>排队时间长</extracomment>
        <translation>Long wait in the queue</translation>
    </message>
    <message>
        <source>evaluation.problem.5</source>
        <extracomment>系统或设备故障</extracomment>
        <translation>System or device problems</translation>
    </message>
    <message>
        <source>evaluation.problem.6</source>
        <extracomment>收费不合理</extracomment>
        <translation>Unfair fees</translation>
    </message>
    <message>
        <source>evaluation.problem.7</source>
        <extracomment>其他</extracomment>
        <translation>Other</translation>
    </message>
    <message>
        <source>evaluation.queued</source>
        <extracomment>评价已保存在本机，网络恢复后自动提交，不会丢失。</extracomment>
        <translation>Your rating is saved on this kiosk and will be sent automatically when the network is back. It will not be lost.</translation>
    </message>
    <message>
        <source>evaluation.saving</source>
        <extracomment>正在保存您的评价…</extracomment>
        <translation>Saving your rating…</translation>
    </message>
    <message>
        <source>evaluation.sent</source>
        <extracomment>评价已提交，会转给服务网点。</extracomment>
        <translation>Your rating has been sent and will be passed to the service point.</translation>
    </message>
    <message>
        <source>evaluation.submit</source>
        <extracomment>✔ 提交评价</extracomment>
        <translation>✔ Submit rating</translation>
    </message>
    <message>
        <source>evaluation.thanks</source>
        <extracomment>谢谢您的评价！</extracomment>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>evaluation.title</source>
        <extracomment>服务评价</extracomment>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>evaluation.what_went_wrong</source>
        <extracomment>哪里让您不满意？可以选多项。</extracomment>
        <translation>What were you unhappy with? You can choose more than one.</translation>
    </message>
    <message>
        <source>evaluation.which</source>
        <extracomment>您要评价哪一次办事？</extracomment>
        <translation>Which visit would you like to rate?</translation>
    </message>
</context>
<context>
    <name>face</name>
    <message>
        <source>face.error</source>
        <extracomment>人脸比对暂时不能用，请询问工作人员。</extracomment>
        <translation>The face check is not available right now. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>face.matched</source>
        <extracomment>✔ 核验通过。</extracomment>
        <translation>✔ Check passed.</translation>
    </message>
    <message>
        <source>face.mismatch</source>
        <extracomment>人脸和证件照片对不上。</extracomment>
        <translation>Your face does not match the photo on the card.</translation>
    </message>
    <message>
        <source>face.none</source>
        <extracomment>请正对屏幕，让脸出现在圆框里。</extracomment>
        <translation>Please face the screen so your face is inside the circle.</translation>
    </message>
    <message>
        <source>face.not_found</source>
        <extracomment>没有看清人脸，请摘下帽子和口罩，正对屏幕。</extracomment>
        <translation>Your face cannot be seen clearly. Please take off your hat and mask and face the screen.</translation>
    </message>
    <message>
        <source>face.not_live</source>
        <extracomment>没有看到您转头。</extracomment>
        <translation>We did not see you turn your head.</translation>
    </message>
    <message>
        <source>face.off_centre</source>
        <extracomment>请站到屏幕正中间。</extracomment>
        <translation>Please stand in the middle, in front of the screen.</translation>
    </message>
    <message>
        <source>face.ok</source>
        <extracomment>很好，请看着屏幕不要动。</extracomment>
        <translation>Good. Please look at the screen and keep still.</translation>
    </message>
    <message>
        <source>face.ready</source>
        <extracomment>人脸比对可以使用</extracomment>
        <translation>Face check available</translation>
    </message>
    <message>
        <source>face.several</source>
        <extracomment>画面里有多个人，请只留一人。</extracomment>
        <translation>There is more than one person in the picture. Only one person, please.</translation>
    </message>
    <message>
        <source>face.too_dark</source>
        <extracomment>脸部太暗了，请面向亮处。</extracomment>
        <translation>Your face is too dark. Please face the light.</translation>
    </message>
    <message>
        <source>face.too_small</source>
        <extracomment>请再靠近一点。</extracomment>
        <translation>Please come a little closer.</translation>
    </message>
    <message>
        <source>face.turn</source>
        <extracomment>很好。请慢慢把头转向一边，再转回来。</extracomment>
        <translation>Good. Slowly turn your head to one side, then back again.</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <source>form.date</source>
        <extracomment>{title}请写正确的日期</extracomment>
        <translation>{title}: please enter a valid date</translation>
    </message>
    <message>
        <source>form.enum</source>
        <extracomment>请从下面选一个{title}</extracomment>
        <translation>Please choose {title} from the list below</translation>
    </message>
    <message>
        <source>form.id_number</source>
        <extracomment>请写正确的18位身份证号码</extracomment>
        <translation>Please enter a valid 18-digit ID number</translation>
    </message>
    <message>
        <source>form.mobile</source>
        <extracomment>请写正确的11位手机号码</extracomment>
        <translation>Please enter a valid 11-digit mobile number</translation>
    </message>
    <message>
        <source>form.name</source>
        <extracomment>请写正确的姓名</extracomment>
        <translation>Please enter a valid name</translation>
    </message>
    <message>
        <source>form.pattern</source>
        <extracomment>{title}的填写格式不对</extracomment>
        <translation>{title} is not in the right format</translation>
    </message>
    <message>
        <source>form.required</source>
        <extracomment>请填写{title}</extracomment>
        <translation>Please fill in {title}</translation>
    </message>
    <message>
        <source>form.too_large</source>
        <extracomment>{title}不能大于{limit}</extracomment>
        <translation>{title} cannot be more than {limit}</translation>
    </message>
    <message>
        <source>form.too_long</source>
        <extracomment>{title}最多{limit}个字</extracomment>
        <translation>{title}: no more than {limit} characters</translation>
    </message>
    <message>
        <source>form.too_short</source>
        <extracomment>{title}至少要写{limit}个字</extracomment>
        <translation>{title}: at least {limit} character(s)</translation>
    </message>
    <message>
        <source>form.too_small</source>
        <extracomment>{title}不能小于{limit}</extracomment>
        <translation>{title} cannot be less than {limit}</translation>
    </message>
    <message>
        <source>form.type</source>
        <extracomment>{title}的填写格式不对</extracomment>
        <translation>{title} is not in the right format</translation>
    </message>
    <message>
        <source>form.unknown_field</source>
        <extracomment>表单中有未知的项目{field}</extracomment>
        <translation>The form has an unknown field: {field}</translation>
    </message>
</context>
<context>
    <name>guide</name>
    <message>
        <source>guide.age_days</source>
        <extracomment>办事指南保存于 {n} 天前。</extracomment>
        <translation>Service guide saved {n} day(s) ago.</translation>
    </message>
    <message>
        <source>guide.age_fresh</source>
        <extracomment>办事指南已是最新。</extracomment>
        <translation>The service guide is up to date.</translation>
    </message>
    <message>
        <source>guide.age_hours</source>
        <extracomment>办事指南保存于 {n} 小时前。</extracomment>
        <translation>Service guide saved {n} hour(s) ago.</translation>
    </message>
    <message>
        <source>guide.age_minutes</source>
        <extracomment>办事指南保存于 {n} 分钟前。</extracomment>
        <translation>Service guide saved {n} minute(s) ago.</translation>
    </message>
    <message>
        <source>guide.age_unknown</source>
        <extracomment>不知道办事指南是什么时候保存的。</extracomment>
        <translation>It is not known when the service guide was saved.</translation>
    </message>
    <message>
        <source>guide.audience.legal_person</source>
        <extracomment>企业和单位办事</extracomment>
        <translation>For companies and organisations</translation>
    </message>
    <message>
        <source>guide.audience.personal</source>
        <extracomment>个人办事</extracomment>
        <translation>For individuals</translation>
    </message>
    <message>
        <source>guide.browse_hint</source>
        <extracomment>点一个分类查看，或在上面的框里输入。</extracomment>
        <translation>Tap a category, or type in the box above.</translation>
    </message>
    <message>
        <source>guide.category_count</source>
        <extracomment>{name}
{count} 项</extracomment>
        <translation>{name}
Services: {count}</translation>
    </message>
    <message>
        <source>guide.clear</source>
        <extracomment>✖ 清空</extracomment>
        <translation>✖ Clear</translation>
    </message>
    <message>
        <source>guide.delivery.pickup</source>
        <extracomment>到窗口领取</extracomment>
        <translation>Collect at the counter</translation>
    </message>
    <message>
        <source>guide.delivery.post</source>
        <extracomment>邮寄到家</extracomment>
        <translation>Sent to your home by post</translation>
    </message>
    <message>
        <source>guide.depth.apply_here</source>
        <extracomment>可以在本机申请，材料用本机拍照上传。</extracomment>
        <translation>You can apply on this kiosk. Photograph your documents here to upload them.</translation>
    </message>
    <message>
        <source>guide.depth.full_online</source>
        <extracomment>全程网办：在本机就能办完，不用跑窗口。</extracomment>
        <translation>Fully online: you can finish everything on this kiosk, no need to go to a counter.</translation>
    </message>
    <message>
        <source>guide.depth.guide_only</source>
        <extracomment>本机只提供办事指南，请带齐材料到乡镇便民服务中心窗口办理。</extracomment>
        <translation>This kiosk only gives the guide. Please bring all documents to the counter at the township service centre.</translation>
    </message>
    <message>
        <source>guide.form.copy</source>
        <extracomment>复印件</extracomment>
        <translation>Photocopy</translation>
    </message>
    <message>
        <source>guide.form.electronic</source>
        <extracomment>电子材料</extracomment>
        <translation>Electronic copy</translation>
    </message>
    <message>
        <source>guide.form.original</source>
        <extracomment>原件</extracomment>
        <translation>Original</translation>
    </message>
    <message>
        <source>guide.form.original_and_copy</source>
        <extracomment>原件和复印件</extracomment>
        <translation>Original and photocopy</translation>
    </message>
    <message>
        <source>guide.found</source>
        <extracomment>找到 {count} 项：</extracomment>
        <translation>{count} found:</translation>
    </message>
    <message>
        <source>guide.found_by</source>
        <extracomment>（{text}）</extracomment>
        <translation>({text})</translation>
    </message>
    <message>
        <source>guide.loading</source>
        <extracomment>正在打开办事指南，请稍候…</extracomment>
        <translation>Opening the service guide, please wait…</translation>
    </message>
    <message>
        <source>guide.no_catalog</source>
        <extracomment>本机还没有办事指南，请稍后再试，或拨打 {phone} 咨询。</extracomment>
        <translation>This kiosk has no service guide yet. Please try again later, or call {phone}.</translation>
    </message>
    <message>
        <source>guide.none_found</source>
        <extracomment>没有找到“{query}”。换个说法试试，或拨打 {phone} 咨询。</extracomment>
        <translation>Nothing found for “{query}”. Try other words, or call {phone}.</translation>
    </message>
    <message>
        <source>guide.one_more_letter</source>
        <extracomment>请再输入一个字母。</extracomment>
        <translation>Please type one more letter.</translation>
    </message>
    <message>
        <source>guide.search_hint</source>
        <extracomment>输入事项名称、拼音或拼音首字母，例如 dbsq</extracomment>
        <translation>Type a service name, its pinyin or pinyin initials, e.g. dbsq</translation>
    </message>
    <message>
        <source>guide.stale</source>
        <extracomment>办事指南已经 {days} 天没有更新，材料和收费可能有变化，办理前请向工作人员确认。</extracomment>
        <translation>The service guide has not been updated for {days} days. Documents and fees may have changed: please check with a member of staff before you apply.</translation>
    </message>
    <message>
        <source>guide.title</source>
        <extracomment>办事指南</extracomment>
        <translation>Service guide</translation>
    </message>
</context>
<context>
    <name>home</name>
    <message>
        <source>home.agent_sign_in</source>
        <extracomment>代办员登录</extracomment>
        <translation>Village agent sign-in</translation>
    </message>
    <message>
        <source>home.catalog_age</source>
        <extracomment>网络未连接，办事指南是 {minutes} 分钟前保存的。</extracomment>
        <translation>No network. The service guide was saved {minutes} minute(s) ago.</translation>
    </message>
    <message>
        <source>home.date</source>
        <extracomment>{date} {weekday} {time}</extracomment>
        <translation>{weekday} {date} {time}</translation>
    </message>
    <message>
        <source>home.elderly_off</source>
        <extracomment>长辈模式：关</extracomment>
        <translation>Senior mode: off</translation>
    </message>
    <message>
        <source>home.elderly_on</source>
        <extracomment>长辈模式：开</extracomment>
        <translation>Senior mode: on</translation>
    </message>
    <message>
        <source>home.hint</source>
        <extracomment>请点下面的大按钮开始。</extracomment>
        <translation>Tap a big button below to start.</translation>
    </message>
    <message>
        <source>home.no_catalog</source>
        <extracomment>暂时无法获取办事指南，请稍后再试或询问工作人员。</extracomment>
        <translation>The service guide cannot be loaded right now. Please try again later or ask a member of staff.</translation>
    </message>
    <message>
        <source>home.tile.apply</source>
        <extracomment>我要办事</extracomment>
        <translation>Apply</translation>
    </message>
    <message>
        <source>home.tile.appointment</source>
        <extracomment>预约取号</extracomment>
        <translation>Book a visit</translation>
    </message>
    <message>
        <source>home.tile.complaint</source>
        <extracomment>咨询投诉</extracomment>
        <translation>Questions and complaints</translation>
    </message>
    <message>
        <source>home.tile.evaluation</source>
        <extracomment>服务评价</extracomment>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>home.tile.guide</source>
        <extracomment>办事指南</extracomment>
        <translation>Service guide</translation>
    </message>
    <message>
        <source>home.tile.notices</source>
        <extracomment>政务公开</extracomment>
        <translation>Public notices</translation>
    </message>
    <message>
        <source>home.tile.progress</source>
        <extracomment>进度查询</extracomment>
        <translation>Check progress</translation>
    </message>
    <message>
        <source>home.voice_off</source>
        <extracomment>语音提示：关</extracomment>
        <translation>Voice: off</translation>
    </message>
    <message>
        <source>home.voice_on</source>
        <extracomment>语音提示：开</extracomment>
        <translation>Voice: on</translation>
    </message>
    <message>
        <source>home.weekday.1</source>
        <extracomment>星期一</extracomment>
        <translation>Monday</translation>
    </message>
    <message>
        <source>home.weekday.2</source>
        <extracomment>星期二</extracomment>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>home.weekday.3</source>
        <extracomment>星期三</extracomment>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>home.weekday.4</source>
        <extracomment>星期四</extracomment>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>home.weekday.5</source>
        <extracomment>星期五</extracomment>
        <translation>Friday</translation>
    </message>
    <message>
        <source>home.weekday.6</source>
        <extracomment>星期六</extracomment>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>home.weekday.7</source>
        <extracomment>星期日</extracomment>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>home.welcome</source>
        <extracomment>欢迎使用政务服务自助终端</extracomment>
        <translation>Welcome to the government services kiosk</translation>
    </message>
</context>
<context>
    <name>identify</name>
    <message>
        <source>identify.ask_staff</source>
        <extracomment>请工作人员帮忙</extracomment>
        <translation>Ask staff for help</translation>
    </message>
    <message>
        <source>identify.face_intro</source>
        <extracomment>请看着屏幕，把脸放进圆框里。</extracomment>
        <translation>Please look at the screen and put your face inside the circle.</translation>
    </message>
    <message>
        <source>identify.for</source>
        <extracomment>办理：{item}</extracomment>
        <translation>Service: {item}</translation>
    </message>
    <message>
        <source>identify.id_number</source>
        <extracomment>证件号码：{number}</extracomment>
        <translation>ID number: {number}</translation>
    </message>
    <message>
        <source>identify.is_this_you</source>
        <extracomment>这是您的证件吗？</extracomment>
        <translation>Is this your card?</translation>
    </message>
    <message>
        <source>identify.masked_note</source>
        <extracomment>为保护您的信息，部分内容用 * 遮住了。</extracomment>
        <translation>To protect your information, some parts are hidden with *.</translation>
    </message>
    <message>
        <source>identify.name</source>
        <extracomment>姓名：{name}</extracomment>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>identify.no</source>
        <extracomment>✖ 不是我</extracomment>
        <translation>✖ Not me</translation>
    </message>
    <message>
        <source>identify.no_tries_left</source>
        <extracomment>已经试了几次都没成功，请找工作人员帮忙。</extracomment>
        <translation>It did not work after several tries. Please ask a member of staff for help.</translation>
    </message>
    <message>
        <source>identify.no_typing</source>
        <extracomment>证件上的信息会自动读出来，不用您写。</extracomment>
        <translation>The details on your card are read automatically. You do not need to type them.</translation>
    </message>
    <message>
        <source>identify.place_card</source>
        <extracomment>请把身份证或社保卡平放在下方的读卡区。</extracomment>
        <translation>Place your ID card or social security card flat on the reader below.</translation>
    </message>
    <message>
        <source>identify.staff_continue</source>
        <extracomment>继续办理</extracomment>
        <translation>Continue</translation>
    </message>
    <message>
        <source>identify.staff_explain</source>
        <extracomment>您可以继续办理。提交以后，请带上身份证到便民服务中心窗口，工作人员当面核对是您本人，申请才正式受理。</extracomment>
        <translation>You can carry on. After you submit, bring your ID card to the counter at the service centre so staff can check in person that it is you. Only then is your application officially accepted.</translation>
    </message>
    <message>
        <source>identify.staff_title</source>
        <extracomment>需要工作人员帮助</extracomment>
        <translation>Staff help needed</translation>
    </message>
    <message>
        <source>identify.stop</source>
        <extracomment>不办了</extracomment>
        <translation>Stop</translation>
    </message>
    <message>
        <source>identify.take_card_back</source>
        <extracomment>请取回您的证件。</extracomment>
        <translation>Please take back your card.</translation>
    </message>
    <message>
        <source>identify.title</source>
        <extracomment>核验身份</extracomment>
        <translation>Check your identity</translation>
    </message>
    <message>
        <source>identify.try_again_hint</source>
        <extracomment>请摘下帽子和眼镜，站近一点，再试一次。还可以试 {count} 次。</extracomment>
        <translation>Please take off your hat and glasses, come a little closer and try again. Tries left: {count}.</translation>
    </message>
    <message>
        <source>identify.valid_long</source>
        <extracomment>有效期：长期</extracomment>
        <translation>Valid: no expiry</translation>
    </message>
    <message>
        <source>identify.valid_until</source>
        <extracomment>有效期至：{date}</extracomment>
        <translation>Valid until: {date}</translation>
    </message>
    <message>
        <source>identify.yes</source>
        <extracomment>✔ 是我，继续</extracomment>
        <translation>✔ Yes, it's me</translation>
    </message>
</context>
<context>
    <name>idle</name>
    <message>
        <source>idle.continue</source>
        <extracomment>我还在，继续办理</extracomment>
        <translation>I am still here, continue</translation>
    </message>
    <message>
        <source>idle.countdown</source>
        <extracomment>{seconds} 秒后将退出并清除您的信息。</extracomment>
        <translation>In {seconds} seconds you will be signed out and your information cleared.</translation>
    </message>
    <message>
        <source>idle.question</source>
        <extracomment>您还在吗？</extracomment>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>idle.spoken</source>
        <extracomment>您还在吗？如需继续，请点屏幕。</extracomment>
        <translation>Are you still there? To continue, please tap the screen.</translation>
    </message>
</context>
<context>
    <name>item</name>
    <message>
        <source>item.apply</source>
        <extracomment>✍ 在本机申请</extracomment>
        <translation>✍ Apply on this kiosk</translation>
    </message>
    <message>
        <source>item.apply_elsewhere</source>
        <extracomment>本机暂时不能申请，请到乡镇便民服务中心窗口办理，或请代办员帮忙。</extracomment>
        <translation>You cannot apply on this kiosk for now. Please go to the counter at the township service centre, or ask a village agent.</translation>
    </message>
    <message>
        <source>item.audience</source>
        <extracomment>服务对象：{who}</extracomment>
        <translation>Who it is for: {who}</translation>
    </message>
    <message>
        <source>item.basis</source>
        <extracomment>办理依据</extracomment>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>item.code</source>
        <extracomment>事项编码：{code}</extracomment>
        <translation>Service code: {code}</translation>
    </message>
    <message>
        <source>item.conditions</source>
        <extracomment>谁可以办（办理条件）</extracomment>
        <translation>Who can apply (conditions)</translation>
    </message>
    <message>
        <source>item.delivery</source>
        <extracomment>怎么拿到结果</extracomment>
        <translation>How you get the result</translation>
    </message>
    <message>
        <source>item.department</source>
        <extracomment>办理部门：{name}</extracomment>
        <translation>Handled by: {name}</translation>
    </message>
    <message>
        <source>item.depth</source>
        <extracomment>在本机能办到哪一步</extracomment>
        <translation>How much you can do on this kiosk</translation>
    </message>
    <message>
        <source>item.fee</source>
        <extracomment>{name}：{yuan} 元</extracomment>
        <translation>{name}: {yuan} yuan</translation>
    </message>
    <message>
        <source>item.fees</source>
        <extracomment>收费</extracomment>
        <translation>Fees</translation>
    </message>
    <message>
        <source>item.free</source>
        <extracomment>不收费。</extracomment>
        <translation>Free of charge.</translation>
    </message>
    <message>
        <source>item.gone</source>
        <extracomment>这个事项已不在办事指南里，请询问工作人员。</extracomment>
        <translation>This service is no longer in the service guide. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>item.limit_days</source>
        <extracomment>法定时限 {statutory} 个工作日，承诺 {promised} 个工作日办结。</extracomment>
        <translation>Legal time limit {statutory} working days; we promise to finish within {promised} working days.</translation>
    </message>
    <message>
        <source>item.limit_now</source>
        <extracomment>当场办结。</extracomment>
        <translation>Done on the spot.</translation>
    </message>
    <message>
        <source>item.limits</source>
        <extracomment>多久办好</extracomment>
        <translation>How long it takes</translation>
    </message>
    <message>
        <source>item.material</source>
        <extracomment>{form}，{count} 份，{need}</extracomment>
        <translation>{form}, copies: {count}, {need}</translation>
    </message>
    <message>
        <source>item.materials</source>
        <extracomment>要带的材料</extracomment>
        <translation>Documents to bring</translation>
    </message>
    <message>
        <source>item.name</source>
        <extracomment>事项名称</extracomment>
        <translation>Service name</translation>
    </message>
    <message>
        <source>item.no_materials</source>
        <extracomment>不用带材料。</extracomment>
        <translation>No documents needed.</translation>
    </message>
    <message>
        <source>item.no_proxy_agent</source>
        <extracomment>这一项不能代办：要村民本人到乡镇便民服务中心窗口办理。</extracomment>
        <translation>A village agent cannot do this one: the villager must go in person to the counter at the township service centre.</translation>
    </message>
    <message>
        <source>item.optional</source>
        <extracomment>有就带上</extracomment>
        <translation>bring if you have it</translation>
    </message>
    <message>
        <source>item.process</source>
        <extracomment>办理流程</extracomment>
        <translation>Steps</translation>
    </message>
    <message>
        <source>item.proxy</source>
        <extracomment>能否代办</extracomment>
        <translation>Can someone apply for you?</translation>
    </message>
    <message>
        <source>item.proxy_no</source>
        <extracomment>需要本人亲自办理。</extracomment>
        <translation>You must apply in person.</translation>
    </message>
    <message>
        <source>item.proxy_yes</source>
        <extracomment>可以请村里的代办员免费帮您办。</extracomment>
        <translation>The village agent can apply for you, free of charge.</translation>
    </message>
    <message>
        <source>item.required</source>
        <extracomment>必须提供</extracomment>
        <translation>required</translation>
    </message>
</context>
<context>
    <name>keypad</name>
    <message>
        <source>keypad.confirm</source>
        <extracomment>查询</extracomment>
        <translation>Search</translation>
    </message>
    <message>
        <source>keypad.erase</source>
        <extracomment>删除</extracomment>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>nav</name>
    <message>
        <source>nav.back</source>
        <extracomment>返回</extracomment>
        <translation>Back</translation>
    </message>
    <message>
        <source>nav.cancel</source>
        <extracomment>取消</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>nav.close</source>
        <extracomment>关闭</extracomment>
        <translation>Close</translation>
    </message>
    <message>
        <source>nav.confirm</source>
        <extracomment>确认</extracomment>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>nav.done</source>
        <extracomment>完成</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <source>nav.home</source>
        <extracomment>首页</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <source>nav.next</source>
        <extracomment>下一步</extracomment>
        <translation>Next</translation>
    </message>
    <message>
        <source>nav.retry</source>
        <extracomment>再试一次</extracomment>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>net</name>
    <message>
        <source>net.cert_expiring</source>
        <extracomment>证书快到期了：{subject}，有效期到 {until}（只剩 {days} 天）。请平台方尽快更换。</extracomment>
        <translation>Certificate expires soon: {subject}, valid until {until} (days left: {days}). Ask the platform team to replace it soon.</translation>
    </message>
    <message>
        <source>net.cert_ok</source>
        <extracomment>证书：{subject}，颁发者 {issuer}，有效期到 {until}（还有 {days} 天）</extracomment>
        <translation>Certificate: {subject}, issued by {issuer}, valid until {until} (days left: {days})</translation>
    </message>
    <message>
        <source>net.clock_fast</source>
        <extracomment>时钟：本机比平台快 {age}。超过 5 分钟平台会拒绝本机：请校准时间（NTP）和时区。</extracomment>
        <translation>Clock: this kiosk is {age} ahead of the platform. Beyond 5 minutes the platform will refuse this kiosk: correct the time (NTP) and time zone.</translation>
    </message>
    <message>
        <source>net.clock_ok</source>
        <extracomment>时钟：与平台相差不到 2 分钟（误差 ±{uncertainty_ms} 毫秒）</extracomment>
        <translation>Clock: within 2 minutes of the platform (accuracy ±{uncertainty_ms} ms)</translation>
    </message>
    <message>
        <source>net.clock_slow</source>
        <extracomment>时钟：本机比平台慢 {age}。超过 5 分钟平台会拒绝本机：请校准时间（NTP）和时区。</extracomment>
        <translation>Clock: this kiosk is {age} behind the platform. Beyond 5 minutes the platform will refuse this kiosk: correct the time (NTP) and time zone.</translation>
    </message>
    <message>
        <source>net.problem.dns</source>
        <extracomment>平台地址的域名解析不了：检查网线或 4G 信号和 DNS 设置；核对配置里的平台地址有没有写错。</extracomment>
        <translation>The platform's domain name cannot be resolved: check the network cable or 4G signal and the DNS settings, and check the platform address in the settings for typos.</translation>
    </message>
    <message>
        <source>net.problem.not_platform</source>
        <extracomment>有设备回答了，但不是政务服务平台（{detail}）：可能是上网认证页面或代理。先完成上网认证或检查代理，再核对平台地址。</extracomment>
        <translation>Something answered, but it is not the government services platform ({detail}): it may be a network login page or a proxy. Complete the network login or check the proxy, then check the platform address.</translation>
    </message>
    <message>
        <source>net.problem.other</source>
        <extracomment>连不上平台（{detail}）：检查网络；仍不行请把这一页拍下来报给运维。</extracomment>
        <translation>Cannot connect to the platform ({detail}): check the network. If it still fails, photograph this page and send it to technical support.</translation>
    </message>
    <message>
        <source>net.problem.refused</source>
        <extracomment>平台地址上没有服务（连接被拒绝）：核对配置里的地址和端口；平台也可能正在维护。</extracomment>
        <translation>No service at the platform address (connection refused): check the address and port in the settings. The platform may also be under maintenance.</translation>
    </message>
    <message>
        <source>net.problem.timeout</source>
        <extracomment>连接平台超时：网络不通、太慢，或被防火墙挡住。检查网络后再试。</extracomment>
        <translation>Connecting to the platform timed out: the network is down, too slow, or blocked by a firewall. Check the network and try again.</translation>
    </message>
    <message>
        <source>net.problem.tls_expired</source>
        <extracomment>平台证书不在有效期内（{detail}）：先核对本机的日期；日期对的话，请平台方更换证书。</extracomment>
        <translation>The platform's certificate is not within its validity period ({detail}): first check this kiosk's date. If the date is right, ask the platform team to replace the certificate.</translation>
    </message>
    <message>
        <source>net.problem.tls_hostname</source>
        <extracomment>平台证书不是给这个地址的（{detail}）：平台地址要用证书上的域名，核对配置里的平台地址。</extracomment>
        <translation>The platform's certificate is not for this address ({detail}): the platform address must use the domain name on the certificate. Check the platform address in the settings.</translation>
    </message>
    <message>
        <source>net.problem.tls_other</source>
        <extracomment>和平台建立加密连接失败（{detail}）：把这一页拍下来报给平台方。</extracomment>
        <translation>Could not set up an encrypted connection to the platform ({detail}): photograph this page and send it to the platform team.</translation>
    </message>
    <message>
        <source>net.problem.tls_untrusted</source>
        <extracomment>平台证书不受信任（{detail}）：它不是由本机信任的 CA 签发的。核对 platform.ca_file 是否是平台方给的 CA 证书；若无误，网络中可能有人冒充平台，请报告。</extracomment>
        <translation>The platform's certificate is not trusted ({detail}): it was not issued by a CA this kiosk trusts. Check that platform.ca_file is the CA certificate from the platform team. If it is, someone on the network may be impersonating the platform: please report it.</translation>
    </message>
    <message>
        <source>net.reachable</source>
        <extracomment>能连上平台：往返 {latency_ms} 毫秒（{samples} 次的中位数），第一次连接 {connect_ms} 毫秒</extracomment>
        <translation>Platform reachable: round trip {latency_ms} ms (median of {samples} tries), first connection {connect_ms} ms</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <source>network.checking</source>
        <extracomment>网络：正在检查…</extracomment>
        <translation>Network: checking…</translation>
    </message>
    <message>
        <source>network.offline</source>
        <extracomment>✖ 网络未连接：可以继续办理，恢复后自动提交</extracomment>
        <translation>✖ No network: you can carry on, your application is sent when the network is back</translation>
    </message>
    <message>
        <source>network.online</source>
        <extracomment>✔ 网络已连接</extracomment>
        <translation>✔ Network connected</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>notices.age_days</source>
        <extracomment>以下公告是 {n} 天前保存的，网络恢复后会自动更新。</extracomment>
        <translation>These notices were saved {n} day(s) ago. They will update automatically when the network is back.</translation>
    </message>
    <message>
        <source>notices.age_hours</source>
        <extracomment>以下公告是 {n} 小时前保存的，网络恢复后会自动更新。</extracomment>
        <translation>These notices were saved {n} hour(s) ago. They will update automatically when the network is back.</translation>
    </message>
    <message>
        <source>notices.age_minutes</source>
        <extracomment>以下公告是 {n} 分钟前保存的，网络恢复后会自动更新。</extracomment>
        <translation>These notices were saved {n} minute(s) ago. They will update automatically when the network is back.</translation>
    </message>
    <message>
        <source>notices.fresh</source>
        <extracomment>公告已是最新。</extracomment>
        <translation>The notices are up to date.</translation>
    </message>
    <message>
        <source>notices.gone</source>
        <extracomment>这条公告已经撤下了。</extracomment>
        <translation>This notice has been taken down.</translation>
    </message>
    <message>
        <source>notices.hint</source>
        <extracomment>点标题查看全文。</extracomment>
        <translation>Tap a title to read it in full.</translation>
    </message>
    <message>
        <source>notices.loading</source>
        <extracomment>正在打开，请稍候…</extracomment>
        <translation>Opening, please wait…</translation>
    </message>
    <message>
        <source>notices.none</source>
        <extracomment>本机还没有收到公告，请稍后再看，或拨打 {phone} 咨询。</extracomment>
        <translation>This kiosk has no notices yet. Please look again later, or call {phone}.</translation>
    </message>
    <message>
        <source>notices.title</source>
        <extracomment>政务公开</extracomment>
        <translation>Public information</translation>
    </message>
</context>
<context>
    <name>platform</name>
    <message>
        <source>platform.busy</source>
        <extracomment>平台繁忙，稍后自动重试。</extracomment>
        <translation>The system is busy. It will try again automatically.</translation>
    </message>
    <message>
        <source>platform.garbage</source>
        <extracomment>平台的答复无法识别，稍后自动重试。</extracomment>
        <translation>The system's reply could not be understood. It will try again automatically.</translation>
    </message>
    <message>
        <source>platform.refused</source>
        <extracomment>平台拒绝了本机的请求，请联系工作人员。</extracomment>
        <translation>The system refused this kiosk's request. Please contact a member of staff.</translation>
    </message>
    <message>
        <source>platform.unreachable</source>
        <extracomment>网络未连接。</extracomment>
        <translation>No network.</translation>
    </message>
</context>
<context>
    <name>printer</name>
    <message>
        <source>printer.error</source>
        <extracomment>打印机出现故障：回执会以二维码显示在屏幕上。</extracomment>
        <translation>The printer is not working: your receipt will be shown on the screen as a QR code.</translation>
    </message>
    <message>
        <source>printer.not_escpos</source>
        <extracomment>打印机设置有误：回执会以二维码显示在屏幕上。</extracomment>
        <translation>The printer is set up wrongly: your receipt will be shown on the screen as a QR code.</translation>
    </message>
    <message>
        <source>printer.not_found</source>
        <extracomment>找不到打印机：回执会以二维码显示在屏幕上。</extracomment>
        <translation>No printer found: your receipt will be shown on the screen as a QR code.</translation>
    </message>
    <message>
        <source>printer.offline</source>
        <extracomment>打印机暂时不能用：回执会以二维码显示在屏幕上。</extracomment>
        <translation>The printer cannot be used right now: your receipt will be shown on the screen as a QR code.</translation>
    </message>
    <message>
        <source>printer.out_of_paper</source>
        <extracomment>打印机没纸了：回执会以二维码显示在屏幕上。</extracomment>
        <translation>The printer is out of paper: your receipt will be shown on the screen as a QR code.</translation>
    </message>
    <message>
        <source>printer.paper_near_end</source>
        <extracomment>打印纸快用完了</extracomment>
        <translation>The printer paper is running low</translation>
    </message>
    <message>
        <source>printer.ready</source>
        <extracomment>打印机正常</extracomment>
        <translation>Printer working</translation>
    </message>
    <message>
        <source>printer.silent</source>
        <extracomment>打印机没有响应：回执会以二维码显示在屏幕上。</extracomment>
        <translation>The printer does not answer: your receipt will be shown on the screen as a QR code.</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>progress.another</source>
        <extracomment>查另一个</extracomment>
        <translation>Check another</translation>
    </message>
    <message>
        <source>progress.bad_number</source>
        <extracomment>这个编号不对，请对照回执再输一次。</extracomment>
        <translation>That number is not right. Please check it against your receipt and type it again.</translation>
    </message>
    <message>
        <source>progress.booking.confirmed</source>
        <extracomment>✔ 预约已确认。请按预约时间到大厅，刷身份证签到取号。</extracomment>
        <translation>✔ Your booking is confirmed. Please come to the service hall at your booked time and check in with your ID card to take a queue number.</translation>
    </message>
    <message>
        <source>progress.booking.full</source>
        <extracomment>✖ 这个时段已经约满，预约没有成功。请重新预约其他时段。</extracomment>
        <translation>✖ That time was fully booked, so your booking did not work. Please book another time.</translation>
    </message>
    <message>
        <source>progress.booking.refused</source>
        <extracomment>✖ 预约没有成功，请询问工作人员。</extracomment>
        <translation>✖ Your booking did not work. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>progress.booking.waiting</source>
        <extracomment>◷ 预约还在等待平台确认，网络恢复后自动确认，请稍后再查。</extracomment>
        <translation>◷ Your booking is still waiting for the system to confirm it. This happens automatically when the network is back. Please check again later.</translation>
    </message>
    <message>
        <source>progress.by_card</source>
        <extracomment>刷身份证，查我的全部办件</extracomment>
        <translation>Use my ID card to see all my applications</translation>
    </message>
    <message>
        <source>progress.by_number</source>
        <extracomment>输入回执编号</extracomment>
        <translation>Type the receipt number</translation>
    </message>
    <message>
        <source>progress.by_scan</source>
        <extracomment>扫描回执上的二维码</extracomment>
        <translation>Scan the QR code on the receipt</translation>
    </message>
    <message>
        <source>progress.case_title</source>
        <extracomment>办件进度</extracomment>
        <translation>Application progress</translation>
    </message>
    <message>
        <source>progress.department</source>
        <extracomment>办理部门：{department}</extracomment>
        <translation>Handled by: {department}</translation>
    </message>
    <message>
        <source>progress.evaluate_title</source>
        <extracomment>找到要评价的办件</extracomment>
        <translation>Find the application to rate</translation>
    </message>
    <message>
        <source>progress.fresh</source>
        <extracomment>这是平台刚刚告诉本机的最新状态。</extracomment>
        <translation>This is the latest status, just received from the system.</translation>
    </message>
    <message>
        <source>progress.how</source>
        <extracomment>请选择查询方式：</extracomment>
        <translation>How would you like to check?</translation>
    </message>
    <message>
        <source>progress.identify_for</source>
        <extracomment>查询我的办件进度</extracomment>
        <translation>Check my application progress</translation>
    </message>
    <message>
        <source>progress.list_action</source>
        <extracomment>{count} 件需要您处理。</extracomment>
        <translation>Needing your action: {count}.</translation>
    </message>
    <message>
        <source>progress.list_count</source>
        <extracomment>共查到 {count} 件。需要您处理的排在最前面。</extracomment>
        <translation>Found: {count}. Those needing your action are shown first.</translation>
    </message>
    <message>
        <source>progress.list_none</source>
        <extracomment>没有查到您的办件。</extracomment>
        <translation>No applications found for you.</translation>
    </message>
    <message>
        <source>progress.list_offline</source>
        <extracomment>网络未连接，暂时不能按身份证查询。可以用回执上的二维码或编号查看本机保存的进度。</extracomment>
        <translation>No network, so you cannot search by ID card right now. You can use the QR code or number on your receipt to see the progress saved on this kiosk.</translation>
    </message>
    <message>
        <source>progress.list_title</source>
        <extracomment>我的办件</extracomment>
        <translation>My applications</translation>
    </message>
    <message>
        <source>progress.local.dead</source>
        <extracomment>本机：发送遇到问题，工作人员会处理，请询问工作人员。</extracomment>
        <translation>This kiosk: there was a problem sending it. Staff will deal with it; please ask a member of staff.</translation>
    </message>
    <message>
        <source>progress.local.delivered</source>
        <extracomment>本机：平台已收到。</extracomment>
        <translation>This kiosk: received by the system.</translation>
    </message>
    <message>
        <source>progress.local.queued</source>
        <extracomment>本机：申请已保存在本机，网络恢复后自动发送给平台。</extracomment>
        <translation>This kiosk: your application is saved here and will be sent automatically when the network is back.</translation>
    </message>
    <message>
        <source>progress.local.sending</source>
        <extracomment>本机：正在发送给平台。</extracomment>
        <translation>This kiosk: sending to the system.</translation>
    </message>
    <message>
        <source>progress.looking</source>
        <extracomment>正在查询，请稍候…</extracomment>
        <translation>Searching, please wait…</translation>
    </message>
    <message>
        <source>progress.need_card</source>
        <extracomment>请先刷身份证。</extracomment>
        <translation>Please use your ID card first.</translation>
    </message>
    <message>
        <source>progress.next.ask</source>
        <extracomment>申请没有通过：可拨打 {phone} 咨询原因。</extracomment>
        <translation>Your application was not approved: call {phone} to ask why.</translation>
    </message>
    <message>
        <source>progress.next.correction</source>
        <extracomment>需要您做：请按通知补正材料，可到村代办员处或本终端办理。</extracomment>
        <translation>Action needed: please send the supplementary documents as notified, through your village agent or on this kiosk.</translation>
    </message>
    <message>
        <source>progress.next.none</source>
        <extracomment>现在不需要您做什么，请耐心等待。</extracomment>
        <translation>Nothing for you to do now. Please wait.</translation>
    </message>
    <message>
        <source>progress.next.pickup</source>
        <extracomment>已办结：请按您选择的方式领取结果。</extracomment>
        <translation>Finished: please collect the result in the way you chose.</translation>
    </message>
    <message>
        <source>progress.not_found</source>
        <extracomment>没有查到这个编号的办件。请核对回执编号，或询问工作人员。</extracomment>
        <translation>No application found with this number. Please check the receipt number, or ask a member of staff.</translation>
    </message>
    <message>
        <source>progress.not_on_platform</source>
        <extracomment>平台还没有这份申请的进度，以本机的状态为准。</extracomment>
        <translation>The system has no progress for this application yet. The status on this kiosk is what counts.</translation>
    </message>
    <message>
        <source>progress.number_hint</source>
        <extracomment>回执编号在回执上方，例如 K7Q2M-01A7-Q。横线不用输。</extracomment>
        <translation>The receipt number is at the top of the receipt, e.g. K7Q2M-01A7-Q. No need to type the dashes.</translation>
    </message>
    <message>
        <source>progress.number_title</source>
        <extracomment>输入回执编号</extracomment>
        <translation>Type the receipt number</translation>
    </message>
    <message>
        <source>progress.offline_local</source>
        <extracomment>网络未连接，下面是本机的记录。</extracomment>
        <translation>No network. Below is what this kiosk has saved.</translation>
    </message>
    <message>
        <source>progress.offline_nothing</source>
        <extracomment>网络未连接，本机也没有这个编号的记录。请等网络恢复后再查，或询问工作人员。</extracomment>
        <translation>No network, and this kiosk has no record with this number. Please check again when the network is back, or ask a member of staff.</translation>
    </message>
    <message>
        <source>progress.rate</source>
        <extracomment>★ 评价这次服务</extracomment>
        <translation>★ Rate this service</translation>
    </message>
    <message>
        <source>progress.rebook</source>
        <extracomment>重新预约</extracomment>
        <translation>Book again</translation>
    </message>
    <message>
        <source>progress.receipt</source>
        <extracomment>回执编号：{receipt}</extracomment>
        <translation>Receipt number: {receipt}</translation>
    </message>
    <message>
        <source>progress.stale</source>
        <extracomment>这是 {age} 的状态；网络未连接，连上后会更新。</extracomment>
        <translation>This is the status from {age}. No network; it will update once connected.</translation>
    </message>
    <message>
        <source>progress.timeline</source>
        <extracomment>办理经过：</extracomment>
        <translation>What has happened so far:</translation>
    </message>
    <message>
        <source>progress.title</source>
        <extracomment>进度查询</extracomment>
        <translation>Check progress</translation>
    </message>
</context>
<context>
    <name>queue</name>
    <message>
        <source>queue.full</source>
        <extracomment>本机待发送的办理太多，暂停自助提交，请到窗口办理或请代办员帮忙。已保存的不会丢失。</extracomment>
        <translation>Too many applications are waiting to be sent, so self-service applications are paused. Please go to the counter or ask a village agent. Nothing already saved will be lost.</translation>
    </message>
</context>
<context>
    <name>reader</name>
    <message>
        <source>reader.busy</source>
        <extracomment>正在读卡，请不要拿走证件…</extracomment>
        <translation>Reading the card. Please do not take it away…</translation>
    </message>
    <message>
        <source>reader.error</source>
        <extracomment>读卡器出现故障，请询问工作人员。</extracomment>
        <translation>The card reader is not working. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>reader.missing</source>
        <extracomment>读卡器没有连接，请询问工作人员。</extracomment>
        <translation>The card reader is not connected. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>reader.no_service</source>
        <extracomment>读卡器暂时不能使用，请询问工作人员。</extracomment>
        <translation>The card reader cannot be used right now. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>reader.not_responding</source>
        <extracomment>读卡器没有响应，请询问工作人员。</extracomment>
        <translation>The card reader does not answer. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>reader.ready</source>
        <extracomment>读卡器正常</extracomment>
        <translation>Card reader working</translation>
    </message>
    <message>
        <source>reader.sam_failed</source>
        <extracomment>身份证读卡器出现故障，请询问工作人员。</extracomment>
        <translation>The ID card reader is not working. Please ask a member of staff.</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>session.ended</source>
        <extracomment>已退出，您的信息已清除。</extracomment>
        <translation>Signed out. Your information has been cleared.</translation>
    </message>
</context>
<context>
    <name>tech</name>
    <message>
        <source>tech.age.days</source>
        <extracomment>{d} 天 {h} 小时</extracomment>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <source>tech.age.hours</source>
        <extracomment>{h} 小时 {m} 分</extracomment>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>tech.age.minutes</source>
        <extracomment>{n} 分钟</extracomment>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>tech.age.seconds</source>
        <extracomment>{n} 秒</extracomment>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>tech.ago</source>
        <extracomment>{time}（{age}前）</extracomment>
        <translation>{time} ({age} ago)</translation>
    </message>
    <message>
        <source>tech.carry.done</source>
        <extracomment>已写入 {records} 条记录、{pages} 页材料（{size}）到 {directory}，已复查签名。可以拔出 U 盘，交给平台管理员导入。这些记录仍留在终端上，等平台确认后自动删除。</extracomment>
        <translation>Wrote {records} record(s) and {pages} page(s) of documents ({size}) to {directory}, and re-checked the signatures. You can remove the USB stick and give it to the platform administrator to import. The records stay on the kiosk until the platform confirms them, then are deleted automatically.</translation>
    </message>
    <message>
        <source>tech.carry.explain</source>
        <extracomment>终端长时间连不上平台时用：把还没送到平台的记录写到 U 盘，带到能联网的地方由平台导入。记录在 U 盘上仍是加密的，丢了 U 盘也看不到内容；终端上的记录要等平台确认收到才删除，不会丢，也不会重复。</extracomment>
        <translation>Use this when the kiosk cannot reach the platform for a long time: it writes the records not yet sent to a USB stick, to take somewhere with a network for the platform to import. The records stay encrypted on the stick, so a lost stick reveals nothing. Records on the kiosk are deleted only after the platform confirms them, so nothing is lost or sent twice.</translation>
    </message>
    <message>
        <source>tech.carry.nothing</source>
        <extracomment>没有待送的记录，不需要带出。</extracomment>
        <translation>No records waiting to be sent. Nothing to export.</translation>
    </message>
    <message>
        <source>tech.carry.plan</source>
        <extracomment>待送记录 {records} 条（{size}）；其中 {carried} 条以前已带出过，平台还没确认。</extracomment>
        <translation>Records waiting: {records} ({size}); of these, {carried} were exported before and not yet confirmed by the platform.</translation>
    </message>
    <message>
        <source>tech.carry.plan_fresh</source>
        <extracomment>待送记录 {records} 条（{size}）。</extracomment>
        <translation>Records waiting: {records} ({size}).</translation>
    </message>
    <message>
        <source>tech.carry.title</source>
        <extracomment>U 盘带出待送记录</extracomment>
        <translation>Export waiting records to USB</translation>
    </message>
    <message>
        <source>tech.carry.writing</source>
        <extracomment>正在写入 U 盘并逐条复查，请不要拔出…</extracomment>
        <translation>Writing to the USB stick and checking each record. Do not remove it…</translation>
    </message>
    <message>
        <source>tech.config.editable</source>
        <extracomment>可以在这里修改的设置：</extracomment>
        <translation>Settings you can change here:</translation>
    </message>
    <message>
        <source>tech.config.effective</source>
        <extracomment>现在生效的全部设置（密码类只显示是否已设置）：</extracomment>
        <translation>All settings now in effect (for passwords, only whether they are set):</translation>
    </message>
    <message>
        <source>tech.config.field.devices.printer.host</source>
        <extracomment>打印机地址</extracomment>
        <translation>Printer address</translation>
    </message>
    <message>
        <source>tech.config.field.devices.printer.paper_mm</source>
        <extracomment>打印纸宽度（毫米）</extracomment>
        <translation>Paper width (mm)</translation>
    </message>
    <message>
        <source>tech.config.field.devices.printer.port</source>
        <extracomment>打印机端口</extracomment>
        <translation>Printer port</translation>
    </message>
    <message>
        <source>tech.config.field.platform.base_url</source>
        <extracomment>平台地址</extracomment>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>tech.config.field.terminal.language</source>
        <extracomment>默认语言</extracomment>
        <translation>Default language</translation>
    </message>
    <message>
        <source>tech.config.field.ui.idle_timeout_s</source>
        <extracomment>无人操作多久回首页（秒）</extracomment>
        <translation>Return home after no use for (seconds)</translation>
    </message>
    <message>
        <source>tech.config.field.ui.service_phone</source>
        <extracomment>服务电话</extracomment>
        <translation>Service phone number</translation>
    </message>
    <message>
        <source>tech.config.field.ui.voice_prompts</source>
        <extracomment>语音提示</extracomment>
        <translation>Voice prompts</translation>
    </message>
    <message>
        <source>tech.config.from_environment</source>
        <extracomment>{field}：由系统环境变量设定，这里不能改</extracomment>
        <translation>{field}: set by a system environment variable, cannot be changed here</translation>
    </message>
    <message>
        <source>tech.config.off</source>
        <extracomment>关</extracomment>
        <translation>Off</translation>
    </message>
    <message>
        <source>tech.config.on</source>
        <extracomment>开</extracomment>
        <translation>On</translation>
    </message>
    <message>
        <source>tech.config.refused</source>
        <extracomment>“{field}”的值不对：{rule}。没有保存任何改动。</extracomment>
        <translation>The value of “{field}” is not valid: {rule}. No changes were saved.</translation>
    </message>
    <message>
        <source>tech.config.restart</source>
        <extracomment>重新启动终端程序</extracomment>
        <translation>Restart the kiosk program</translation>
    </message>
    <message>
        <source>tech.config.restarting</source>
        <extracomment>正在重新启动，请稍候…</extracomment>
        <translation>Restarting, please wait…</translation>
    </message>
    <message>
        <source>tech.config.rule.devices.printer.host</source>
        <extracomment>网络打印机的 IP 地址或名字</extracomment>
        <translation>IP address or name of the network printer</translation>
    </message>
    <message>
        <source>tech.config.rule.devices.printer.paper_mm</source>
        <extracomment>58 或 80</extracomment>
        <translation>58 or 80</translation>
    </message>
    <message>
        <source>tech.config.rule.devices.printer.port</source>
        <extracomment>一个整数，通常是 9100</extracomment>
        <translation>a whole number, usually 9100</translation>
    </message>
    <message>
        <source>tech.config.rule.platform.base_url</source>
        <extracomment>要写成 https://平台域名 这样的完整地址</extracomment>
        <translation>must be a full address like https://platform-domain</translation>
    </message>
    <message>
        <source>tech.config.rule.terminal.language</source>
        <extracomment>zh_CN（中文）或 ug_CN（维吾尔文）</extracomment>
        <translation>zh_CN (Chinese) or ug_CN (Uyghur)</translation>
    </message>
    <message>
        <source>tech.config.rule.ui.idle_timeout_s</source>
        <extracomment>30 到 3600 之间，且要比倒计时提示（{warning} 秒）长</extracomment>
        <translation>between 30 and 3600, and longer than the countdown warning ({warning} s)</translation>
    </message>
    <message>
        <source>tech.config.rule.ui.service_phone</source>
        <extracomment>只能是数字和短横线，例如 0774-7812345</extracomment>
        <translation>digits and dashes only, e.g. 0774-7812345</translation>
    </message>
    <message>
        <source>tech.config.rule.ui.voice_prompts</source>
        <extracomment>开或关</extracomment>
        <translation>On or Off</translation>
    </message>
    <message>
        <source>tech.config.save</source>
        <extracomment>保存</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <source>tech.config.saved</source>
        <extracomment>已保存 {count} 项（原来的设置已另存）。按“重新启动终端程序”后生效，约需半分钟。</extracomment>
        <translation>Saved: {count} setting(s) (the old settings were kept in a copy). They take effect after “Restart the kiosk program”, which takes about half a minute.</translation>
    </message>
    <message>
        <source>tech.config.saving</source>
        <extracomment>正在检查并保存…</extracomment>
        <translation>Checking and saving…</translation>
    </message>
    <message>
        <source>tech.config.secret_set</source>
        <extracomment>（已设置，不显示）</extracomment>
        <translation>(set, hidden)</translation>
    </message>
    <message>
        <source>tech.config.secret_unset</source>
        <extracomment>（未设置）</extracomment>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>tech.config.title</source>
        <extracomment>设置</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>tech.config.unchanged</source>
        <extracomment>没有改动。</extracomment>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>tech.export.failed</source>
        <extracomment>写不进 U 盘（可能已满、只读或被拔出）：换一个 U 盘再试。</extracomment>
        <translation>Cannot write to the USB stick (it may be full, read-only or removed): try another stick.</translation>
    </message>
    <message>
        <source>tech.failed</source>
        <extracomment>操作没有完成：{reason}</extracomment>
        <translation>Not done: {reason}</translation>
    </message>
    <message>
        <source>tech.kind.appointment</source>
        <extracomment>预约</extracomment>
        <translation>appointment</translation>
    </message>
    <message>
        <source>tech.kind.complaint</source>
        <extracomment>咨询投诉</extracomment>
        <translation>question or complaint</translation>
    </message>
    <message>
        <source>tech.kind.evaluation</source>
        <extracomment>评价</extracomment>
        <translation>rating</translation>
    </message>
    <message>
        <source>tech.kind.submission</source>
        <extracomment>申请</extracomment>
        <translation>application</translation>
    </message>
    <message>
        <source>tech.list_sep</source>
        <extracomment>、</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <source>tech.logs.empty</source>
        <extracomment>还没有日志。</extracomment>
        <translation>No logs yet.</translation>
    </message>
    <message>
        <source>tech.logs.export_title</source>
        <extracomment>导出到 U 盘（全部日志和操作记录，不含个人信息）</extracomment>
        <translation>Export to USB (all logs and activity records, no personal information)</translation>
    </message>
    <message>
        <source>tech.logs.exported</source>
        <extracomment>已导出 {files} 个文件（{size}）到 {directory}。已逐行复查 {lines} 行：没有个人信息。可以拔出 U 盘。</extracomment>
        <translation>Exported {files} file(s) ({size}) to {directory}. Checked all {lines} line(s): no personal information. You can remove the USB stick.</translation>
    </message>
    <message>
        <source>tech.logs.exporting</source>
        <extracomment>正在写入 U 盘，请不要拔出…</extracomment>
        <translation>Writing to the USB stick. Do not remove it…</translation>
    </message>
    <message>
        <source>tech.logs.latest</source>
        <extracomment>最新的 {count} 行（终端和后台同步服务，最新的在最下面）：</extracomment>
        <translation>Latest lines: {count} (kiosk and background sync service, newest at the bottom):</translation>
    </message>
    <message>
        <source>tech.logs.not_clean</source>
        <extracomment>导出的文件里查到了像身份证号或手机号的内容，已删除这份导出。请把情况报给运维负责人。</extracomment>
        <translation>The exported files contained something that looks like an ID number or phone number, so this export was deleted. Please report it to the technical lead.</translation>
    </message>
    <message>
        <source>tech.logs.title</source>
        <extracomment>日志</extracomment>
        <translation>Logs</translation>
    </message>
    <message>
        <source>tech.media.choose</source>
        <extracomment>选择要写入的 U 盘：</extracomment>
        <translation>Choose the USB stick to write to:</translation>
    </message>
    <message>
        <source>tech.media.medium</source>
        <extracomment>{label}（剩余 {free}）</extracomment>
        <translation>{label} ({free} free)</translation>
    </message>
    <message>
        <source>tech.media.none</source>
        <extracomment>没有找到 U 盘：插上 U 盘，等几秒，再按“刷新”。</extracomment>
        <translation>No USB stick found: plug one in, wait a few seconds, then press “Refresh”.</translation>
    </message>
    <message>
        <source>tech.media.read_only</source>
        <extracomment>{label}（只读，不能写）</extracomment>
        <translation>{label} (read-only, cannot write)</translation>
    </message>
    <message>
        <source>tech.media.refresh</source>
        <extracomment>刷新</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>tech.menu.carry</source>
        <extracomment>U 盘带出记录</extracomment>
        <translation>Export records to USB</translation>
    </message>
    <message>
        <source>tech.menu.logs</source>
        <extracomment>日志</extracomment>
        <translation>Logs</translation>
    </message>
    <message>
        <source>tech.menu.maintenance</source>
        <extracomment>退出到维护模式</extracomment>
        <translation>Exit to maintenance mode</translation>
    </message>
    <message>
        <source>tech.menu.maintenance_confirm</source>
        <extracomment>再按一次“退出到维护模式”：自助服务将停止，屏幕转到系统维护登录（需要运维人员自己的系统账号）。</extracomment>
        <translation>Press “Exit to maintenance mode” again: self-service will stop and the screen will switch to the system maintenance login (needs the technician's own system account).</translation>
    </message>
    <message>
        <source>tech.menu.maintenance_requested</source>
        <extracomment>已请求进入维护模式，自助服务马上停止。</extracomment>
        <translation>Maintenance mode requested. Self-service stops now.</translation>
    </message>
    <message>
        <source>tech.menu.network</source>
        <extracomment>网络检测</extracomment>
        <translation>Network check</translation>
    </message>
    <message>
        <source>tech.menu.provision</source>
        <extracomment>终端登记</extracomment>
        <translation>Kiosk registration</translation>
    </message>
    <message>
        <source>tech.menu.queue</source>
        <extracomment>队列与同步</extracomment>
        <translation>Queue and sync</translation>
    </message>
    <message>
        <source>tech.menu.relay</source>
        <extracomment>代送 U 盘记录</extracomment>
        <translation>Send on another stick</translation>
    </message>
    <message>
        <source>tech.menu.selftest</source>
        <extracomment>设备自检</extracomment>
        <translation>Device self-test</translation>
    </message>
    <message>
        <source>tech.menu.settings</source>
        <extracomment>设置</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>tech.menu.sign_out</source>
        <extracomment>退出登录</extracomment>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>tech.menu.title</source>
        <extracomment>运维菜单</extracomment>
        <translation>Technician menu</translation>
    </message>
    <message>
        <source>tech.network.address</source>
        <extracomment>平台地址：{url}（解析到 {addresses}，{dns_ms} 毫秒）</extracomment>
        <translation>Platform address: {url} (resolves to {addresses}, {dns_ms} ms)</translation>
    </message>
    <message>
        <source>tech.network.address_only</source>
        <extracomment>平台地址：{url}</extracomment>
        <translation>Platform address: {url}</translation>
    </message>
    <message>
        <source>tech.network.all_ok</source>
        <extracomment>网络正常，可以连上平台。</extracomment>
        <translation>Network OK: the platform can be reached.</translation>
    </message>
    <message>
        <source>tech.network.bad</source>
        <extracomment>有问题，终端现在不能和平台通信：按下面 ✖ 那一条处理。</extracomment>
        <translation>Problem: the kiosk cannot talk to the platform now. Follow the ✖ item below.</translation>
    </message>
    <message>
        <source>tech.network.cert_seen</source>
        <extracomment>看到的证书：{subject}，颁发者 {issuer}，有效期到 {until}</extracomment>
        <translation>Certificate seen: {subject}, issued by {issuer}, valid until {until}</translation>
    </message>
    <message>
        <source>tech.network.fingerprint</source>
        <extracomment>证书指纹 SHA-256：{sha}</extracomment>
        <translation>Certificate SHA-256 fingerprint: {sha}</translation>
    </message>
    <message>
        <source>tech.network.run</source>
        <extracomment>重新检测</extracomment>
        <translation>Check again</translation>
    </message>
    <message>
        <source>tech.network.running</source>
        <extracomment>正在检测网络…</extracomment>
        <translation>Checking the network…</translation>
    </message>
    <message>
        <source>tech.network.title</source>
        <extracomment>网络检测</extracomment>
        <translation>Network check</translation>
    </message>
    <message>
        <source>tech.network.trust_pinned</source>
        <extracomment>信任：本机固定的 CA（{subject}，{path}）</extracomment>
        <translation>Trust: this kiosk's pinned CA ({subject}, {path})</translation>
    </message>
    <message>
        <source>tech.network.trust_system</source>
        <extracomment>信任：系统自带的 CA（没有固定 CA）</extracomment>
        <translation>Trust: the system's built-in CAs (no pinned CA)</translation>
    </message>
    <message>
        <source>tech.network.warn</source>
        <extracomment>能连上平台，但有要处理的问题：见下面 ⚠ 那一条。</extracomment>
        <translation>The platform can be reached, but something needs attention: see the ⚠ item below.</translation>
    </message>
    <message>
        <source>tech.never</source>
        <extracomment>从未</extracomment>
        <translation>never</translation>
    </message>
    <message>
        <source>tech.not_signed_in</source>
        <extracomment>运维登录已结束，请重新登录。</extracomment>
        <translation>The technician session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>tech.provision.already</source>
        <extracomment>本终端已经登记过，不能在这里重新登记（队列里的记录属于原来的登记）。</extracomment>
        <translation>This kiosk is already registered and cannot be registered again here (the queued records belong to the existing registration).</translation>
    </message>
    <message>
        <source>tech.provision.bad_url</source>
        <extracomment>平台地址不对：要写成 https://平台域名 这样的完整地址。</extracomment>
        <translation>The platform address is not valid: it must be a full address like https://platform-domain.</translation>
    </message>
    <message>
        <source>tech.provision.code</source>
        <extracomment>登记码</extracomment>
        <translation>Registration code</translation>
    </message>
    <message>
        <source>tech.provision.code_refused</source>
        <extracomment>登记码不对、已经用过或已过期。请核对后重输，或请平台管理员重新开一个登记码。</extracomment>
        <translation>The registration code is wrong, already used or expired. Check it and type it again, or ask the platform administrator for a new code.</translation>
    </message>
    <message>
        <source>tech.provision.confirm</source>
        <extracomment>登记</extracomment>
        <translation>Register</translation>
    </message>
    <message>
        <source>tech.provision.done</source>
        <extracomment>登记成功：终端号 {terminal}，{hall}。终端马上开始同步；运维人员名单取回后即可用本人编号登录。</extracomment>
        <translation>Registered: kiosk number {terminal}, {hall}. The kiosk starts syncing now; once the technician list arrives, technicians can sign in with their own numbers.</translation>
    </message>
    <message>
        <source>tech.provision.enrolled</source>
        <extracomment>本终端已登记：终端号 {terminal}，{hall}（{hall_code}）。</extracomment>
        <translation>This kiosk is registered: kiosk number {terminal}, {hall} ({hall_code}).</translation>
    </message>
    <message>
        <source>tech.provision.failed</source>
        <extracomment>登记没有成功。</extracomment>
        <translation>Registration did not succeed.</translation>
    </message>
    <message>
        <source>tech.provision.hint</source>
        <extracomment>请输入政务平台的地址和平台管理员给本服务点开的登记码（例如 K7Q2-M4XP，一周内有效，只能用一次）。终端会自己生成密钥，只把公钥交给平台。</extracomment>
        <translation>Enter the government platform address and the registration code the platform administrator issued for this service point (e.g. K7Q2-M4XP; valid for one week, single use). The kiosk creates its own key and gives only the public key to the platform.</translation>
    </message>
    <message>
        <source>tech.provision.not_platform</source>
        <extracomment>这个地址回答的不是政务平台：请核对平台地址。</extracomment>
        <translation>This address did not answer as the government platform: please check the platform address.</translation>
    </message>
    <message>
        <source>tech.provision.restart</source>
        <extracomment>登记成功：终端号 {terminal}，{hall}。平台地址已保存，重新启动终端程序后生效。</extracomment>
        <translation>Registered: kiosk number {terminal}, {hall}. The platform address is saved and takes effect after restarting the kiosk program.</translation>
    </message>
    <message>
        <source>tech.provision.title</source>
        <extracomment>登记新终端</extracomment>
        <translation>Register a new kiosk</translation>
    </message>
    <message>
        <source>tech.provision.unreachable</source>
        <extracomment>连不上平台：请检查网线或 4G、平台地址是否写对，可先用“网络检测”。</extracomment>
        <translation>Cannot connect to the platform: check the network cable or 4G and that the platform address is right. Try “Network check” first.</translation>
    </message>
    <message>
        <source>tech.provision.url</source>
        <extracomment>平台地址</extracomment>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>tech.provision.working</source>
        <extracomment>正在向平台登记…</extracomment>
        <translation>Registering with the platform…</translation>
    </message>
    <message>
        <source>tech.queue.all_clear</source>
        <extracomment>✔ 没有积压，也没有被拒收的记录。</extracomment>
        <translation>✔ Nothing waiting and nothing refused.</translation>
    </message>
    <message>
        <source>tech.queue.clock_fast</source>
        <extracomment>时钟：本机比平台快 {age}</extracomment>
        <translation>Clock: this kiosk is {age} ahead of the platform</translation>
    </message>
    <message>
        <source>tech.queue.clock_ok</source>
        <extracomment>时钟：与平台一致</extracomment>
        <translation>Clock: same as the platform</translation>
    </message>
    <message>
        <source>tech.queue.clock_slow</source>
        <extracomment>时钟：本机比平台慢 {age}</extracomment>
        <translation>Clock: this kiosk is {age} behind the platform</translation>
    </message>
    <message>
        <source>tech.queue.conflict_advice</source>
        <extracomment>先把终端编号和回执号报给平台核对，确认后再重发。</extracomment>
        <translation>First give the terminal ID and the receipt number to the platform to check; resend only after they confirm.</translation>
    </message>
    <message>
        <source>tech.queue.has_refused</source>
        <extracomment>有被平台拒收或编号冲突的记录：看下面的原因，改正后再重试。</extracomment>
        <translation>Some records were refused by the platform or have a number conflict: see the reasons below, fix them, then retry.</translation>
    </message>
    <message>
        <source>tech.queue.last_error</source>
        <extracomment>最近的错误：{error}</extracomment>
        <translation>Last error: {error}</translation>
    </message>
    <message>
        <source>tech.queue.last_success</source>
        <extracomment>最近一次同步成功：{when}</extracomment>
        <translation>Last successful sync: {when}</translation>
    </message>
    <message>
        <source>tech.queue.list_title</source>
        <extracomment>被拒收和编号冲突的记录</extracomment>
        <translation>Refused records and number conflicts</translation>
    </message>
    <message>
        <source>tech.queue.made</source>
        <extracomment>{time} 生成，已试 {attempts} 次</extracomment>
        <translation>Made {time}, attempts: {attempts}</translation>
    </message>
    <message>
        <source>tech.queue.no_error</source>
        <extracomment>最近的错误：没有</extracomment>
        <translation>Last error: none</translation>
    </message>
    <message>
        <source>tech.queue.nothing_pending</source>
        <extracomment>待上传：没有</extracomment>
        <translation>Waiting to upload: none</translation>
    </message>
    <message>
        <source>tech.queue.offline</source>
        <extracomment>平台：连不上（{time} 检查）</extracomment>
        <translation>Platform: cannot connect (checked {time})</translation>
    </message>
    <message>
        <source>tech.queue.online</source>
        <extracomment>平台：能连上（{time} 检查）</extracomment>
        <translation>Platform: connected (checked {time})</translation>
    </message>
    <message>
        <source>tech.queue.pending</source>
        <extracomment>待上传：{count} 条（{kinds}），共 {size}，最早一条已等 {age}</extracomment>
        <translation>Waiting to upload: {count} ({kinds}), {size} in total, the oldest has waited {age}</translation>
    </message>
    <message>
        <source>tech.queue.reason</source>
        <extracomment>原因：{reason}</extracomment>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>tech.queue.refused</source>
        <extracomment>被拒收 {dead} 条，编号冲突 {conflicts} 条（都保留在本机）</extracomment>
        <translation>Refused: {dead}. Number conflicts: {conflicts}. (All kept on this kiosk.)</translation>
    </message>
    <message>
        <source>tech.queue.refusing</source>
        <extracomment>待上传已满，自助提交已暂停（代办员的仍可提交）。请尽快恢复网络或用 U 盘导出。</extracomment>
        <translation>The upload queue is full; self-service applications are paused (village agents can still submit). Restore the network soon, or export to a USB stick.</translation>
    </message>
    <message>
        <source>tech.queue.retried</source>
        <extracomment>已重新排队 {count} 条，正在同步。</extracomment>
        <translation>Queued again: {count}. Syncing now.</translation>
    </message>
    <message>
        <source>tech.queue.retry_all</source>
        <extracomment>被拒收的全部重试</extracomment>
        <translation>Retry all refused</translation>
    </message>
    <message>
        <source>tech.queue.retry_conflict</source>
        <extracomment>重发这一条</extracomment>
        <translation>Resend this one</translation>
    </message>
    <message>
        <source>tech.queue.retry_one</source>
        <extracomment>重试这一条</extracomment>
        <translation>Retry this one</translation>
    </message>
    <message>
        <source>tech.queue.role.observing</source>
        <extracomment>同步：由后台同步服务进行（这里只查看）</extracomment>
        <translation>Sync: done by the background sync service (view only here)</translation>
    </message>
    <message>
        <source>tech.queue.role.stopped</source>
        <extracomment>同步：已停止</extracomment>
        <translation>Sync: stopped</translation>
    </message>
    <message>
        <source>tech.queue.role.syncing</source>
        <extracomment>同步：本机正在同步</extracomment>
        <translation>Sync: this kiosk is syncing</translation>
    </message>
    <message>
        <source>tech.queue.state_conflict</source>
        <extracomment>编号冲突</extracomment>
        <translation>Number conflict</translation>
    </message>
    <message>
        <source>tech.queue.state_dead</source>
        <extracomment>被拒收</extracomment>
        <translation>Refused</translation>
    </message>
    <message>
        <source>tech.queue.sync_now</source>
        <extracomment>立即同步</extracomment>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>tech.queue.syncing_now</source>
        <extracomment>已开始同步。</extracomment>
        <translation>Sync started.</translation>
    </message>
    <message>
        <source>tech.queue.title</source>
        <extracomment>队列与同步</extracomment>
        <translation>Queue and sync</translation>
    </message>
    <message>
        <source>tech.queue.unprobed</source>
        <extracomment>平台：还没有检查</extracomment>
        <translation>Platform: not checked yet</translation>
    </message>
    <message>
        <source>tech.queue.warning</source>
        <extracomment>待上传的记录太多或等得太久：请检查网络；断网很久时可以用 U 盘导出。</extracomment>
        <translation>Too many records are waiting, or waiting too long: check the network; after a long outage you can export to a USB stick.</translation>
    </message>
    <message>
        <source>tech.relay.again</source>
        <extracomment>再按一次这个记录包即可接着送，平台已收到的不会重复。</extracomment>
        <translation>Tap this bundle again to carry on; nothing the platform already has is sent twice.</translation>
    </message>
    <message>
        <source>tech.relay.bundle</source>
        <extracomment>终端 {terminal} 的 {records} 条记录
{made} 带出</extracomment>
        <translation>{records} records of terminal {terminal}
carried out {made}</translation>
    </message>
    <message>
        <source>tech.relay.choose</source>
        <extracomment>找到下面的记录包，按一下就送到平台：</extracomment>
        <translation>These bundles were found; tap one to send it to the platform:</translation>
    </message>
    <message>
        <source>tech.relay.done</source>
        <extracomment>终端 {terminal} 的记录已送到平台：新收 {delivered} 条，平台以前已有 {already} 条（上传材料 {pages} 页）。可以拔出 U 盘；原终端联网后会自动确认，不会重复。</extracomment>
        <translation>The records of terminal {terminal} reached the platform: {delivered} new, {already} it already had ({pages} pages uploaded). You can take the stick out; the original terminal confirms them by itself once it is online, nothing twice.</translation>
    </message>
    <message>
        <source>tech.relay.explain</source>
        <extracomment>把连不上平台的终端用“U 盘带出记录”写好的 U 盘插在这台能联网的终端上，由这里送到平台。记录仍是加密的，这台终端看不到内容，也不留副本；中途断网就再按一次，平台已收到的不会重复。</extracomment>
        <translation>For a stick made with "Export waiting records to USB" on a terminal that cannot reach the platform: plug it into this connected terminal and send it on from here. The records stay encrypted: this terminal cannot read them and keeps no copy. If the link drops, tap again; nothing the platform has is sent twice.</translation>
    </message>
    <message>
        <source>tech.relay.none</source>
        <extracomment>U 盘上没有找到带出的记录：插上 U 盘，等几秒，再按“刷新”。</extracomment>
        <translation>No carried records found on a USB stick: plug one in, wait a few seconds, then tap Refresh.</translation>
    </message>
    <message>
        <source>tech.relay.refused</source>
        <extracomment>另有 {refused} 条平台没有收下（内容不合格或与已收记录冲突），已留在平台等工作人员处理，U 盘上的不用再送。</extracomment>
        <translation>{refused} more were not taken by the platform (invalid, or in conflict with a record it has); they are kept there for its staff, no need to send them again.</translation>
    </message>
    <message>
        <source>tech.relay.sending</source>
        <extracomment>正在送到平台，请不要拔出 U 盘…</extracomment>
        <translation>Sending to the platform; do not take the stick out…</translation>
    </message>
    <message>
        <source>tech.relay.title</source>
        <extracomment>代送其他终端的 U 盘记录</extracomment>
        <translation>Send on another terminal's stick</translation>
    </message>
    <message>
        <source>tech.relay.unreadable</source>
        <extracomment>U 盘上的记录包损坏或不完整，一条也没有送出。请回到原终端重新“U 盘带出记录”。</extracomment>
        <translation>The bundle on the stick is damaged or incomplete; nothing was sent. Export the records to USB again on the original terminal.</translation>
    </message>
    <message>
        <source>tech.selftest.all_ok</source>
        <extracomment>检测通过。</extracomment>
        <translation>Check passed.</translation>
    </message>
    <message>
        <source>tech.selftest.attention</source>
        <extracomment>能用，但有要注意的地方：见下面 ⚠ 那一条。</extracomment>
        <translation>Working, but something needs attention: see the ⚠ item below.</translation>
    </message>
    <message>
        <source>tech.selftest.camera</source>
        <extracomment>拍照测试</extracomment>
        <translation>Camera test</translation>
    </message>
    <message>
        <source>tech.selftest.card</source>
        <extracomment>读卡测试</extracomment>
        <translation>Card reader test</translation>
    </message>
    <message>
        <source>tech.selftest.detail</source>
        <extracomment>（技术信息：{detail}）</extracomment>
        <translation>(Technical details: {detail})</translation>
    </message>
    <message>
        <source>tech.selftest.failed</source>
        <extracomment>有设备需要处理：按下面 ✖ 那一条的处理办法做。</extracomment>
        <translation>A device needs attention: follow the fix for the ✖ item below.</translation>
    </message>
    <message>
        <source>tech.selftest.fix</source>
        <extracomment>处理办法：{fix}</extracomment>
        <translation>Fix: {fix}</translation>
    </message>
    <message>
        <source>tech.selftest.hint</source>
        <extracomment>按一项开始检测。用的是和 python -m devices diagnose 相同的检查。</extracomment>
        <translation>Press an item to start the check. It uses the same checks as python -m devices diagnose.</translation>
    </message>
    <message>
        <source>tech.selftest.printer</source>
        <extracomment>打印测试页</extracomment>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>tech.selftest.put_card</source>
        <extracomment>请在 {seconds} 秒内把一张卡（身份证、社保卡或测试卡）放到读卡器上。</extracomment>
        <translation>Within {seconds} seconds, place a card (ID card, social security card or test card) on the reader.</translation>
    </message>
    <message>
        <source>tech.selftest.running</source>
        <extracomment>正在检测，请稍候…</extracomment>
        <translation>Checking, please wait…</translation>
    </message>
    <message>
        <source>tech.selftest.title</source>
        <extracomment>设备自检</extracomment>
        <translation>Device self-test</translation>
    </message>
    <message>
        <source>tech.selftest.voice</source>
        <extracomment>语音测试</extracomment>
        <translation>Voice test</translation>
    </message>
    <message>
        <source>tech.signed_in_as</source>
        <extracomment>已登录：{number} {name}</extracomment>
        <translation>Signed in: {number} {name}</translation>
    </message>
    <message>
        <source>tech.signin.checking</source>
        <extracomment>正在核对…</extracomment>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>tech.signin.confirm</source>
        <extracomment>登录</extracomment>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>tech.signin.hint</source>
        <extracomment>请运维人员把本人身份证放在读卡区，或输入运维编号，再输入 6 位密码。</extracomment>
        <translation>Technicians: place your own ID card on the reader, or type your technician number, then type your 6-digit PIN.</translation>
    </message>
    <message>
        <source>tech.signin.locked</source>
        <extracomment>密码错误次数太多，{number} 已锁定。请 {minutes} 分 {seconds} 秒后再试。</extracomment>
        <translation>Too many wrong PINs: {number} is locked. Please try again in {minutes} min {seconds} s.</translation>
    </message>
    <message>
        <source>tech.signin.no_list</source>
        <extracomment>本机还没有从平台取到运维人员名单，暂时不能登录。请先让终端联网。</extracomment>
        <translation>This kiosk has not yet received the list of technicians from the platform, so nobody can sign in. Please connect the kiosk to the network first.</translation>
    </message>
    <message>
        <source>tech.signin.number</source>
        <extracomment>运维编号</extracomment>
        <translation>Technician number</translation>
    </message>
    <message>
        <source>tech.signin.pin</source>
        <extracomment>密码</extracomment>
        <translation>PIN</translation>
    </message>
    <message>
        <source>tech.signin.provision</source>
        <extracomment>登记新终端</extracomment>
        <translation>Register a new kiosk</translation>
    </message>
    <message>
        <source>tech.signin.title</source>
        <extracomment>运维登录</extracomment>
        <translation>Technician sign-in</translation>
    </message>
    <message>
        <source>tech.signin.typing</source>
        <extracomment>▶ {field}</extracomment>
        <translation>▶ {field}</translation>
    </message>
    <message>
        <source>tech.signin.unknown</source>
        <extracomment>本机的运维人员名单里没有 {number}。请核对编号；新登记的运维人员要等终端联网取回名单后才能登录。</extracomment>
        <translation>{number} is not in this kiosk's list of technicians. Check the number; newly registered technicians can sign in only after the kiosk has fetched the list online.</translation>
    </message>
    <message>
        <source>tech.signin.wrong_pin</source>
        <extracomment>密码不对。还可以再试 {left} 次，之后将锁定 15 分钟。</extracomment>
        <translation>Wrong PIN. Tries left: {left}. After that it locks for 15 minutes.</translation>
    </message>
</context>
<context>
    <name>ticket</name>
    <message>
        <source>ticket.asking</source>
        <extracomment>正在取号，请稍候…</extracomment>
        <translation>Getting your queue number, please wait…</translation>
    </message>
    <message>
        <source>ticket.error</source>
        <extracomment>暂时取不到号，请到服务窗口取号或询问工作人员。</extracomment>
        <translation>Cannot get a queue number right now. Please get one at the service counter or ask a member of staff.</translation>
    </message>
    <message>
        <source>ticket.hall</source>
        <extracomment>服务网点：{hall}</extracomment>
        <translation>Service point: {hall}</translation>
    </message>
    <message>
        <source>ticket.listen</source>
        <extracomment>请留意叫号，过号请重新取号。</extracomment>
        <translation>Please listen for your number. If you miss it, take a new number.</translation>
    </message>
    <message>
        <source>ticket.need_card</source>
        <extracomment>请先刷身份证，再签到取号。</extracomment>
        <translation>Please use your ID card first, then check in to take a number.</translation>
    </message>
    <message>
        <source>ticket.no_booking_today</source>
        <extracomment>今天在本大厅没有查到您的预约。可以取普通号排队。</extracomment>
        <translation>We could not find a booking for you at this hall today. You can take a regular queue number.</translation>
    </message>
    <message>
        <source>ticket.not_printed</source>
        <extracomment>{problem} 请用手机拍下这个号码。</extracomment>
        <translation>{problem} Please take a photo of this number with your phone.</translation>
    </message>
    <message>
        <source>ticket.offline_check_in</source>
        <extracomment>您的预约暂时无法核对，将在窗口核对。</extracomment>
        <translation>Your booking cannot be checked right now. It will be checked at the counter.</translation>
    </message>
    <message>
        <source>ticket.offline_notice</source>
        <extracomment>网络未连接：这是本机临时编号，不在大厅叫号系统中。请拿此凭条到服务窗口，工作人员会为您安排。</extracomment>
        <translation>No network: this is a temporary number from this kiosk and is not in the hall's calling system. Please take this slip to the service counter and staff will help you.</translation>
    </message>
    <message>
        <source>ticket.printed</source>
        <extracomment>请取走排队号凭条，留意叫号。</extracomment>
        <translation>Please take your queue number slip and listen for your number.</translation>
    </message>
    <message>
        <source>ticket.printing</source>
        <extracomment>正在打印排队号…</extracomment>
        <translation>Printing your queue number…</translation>
    </message>
    <message>
        <source>ticket.queue_full</source>
        <extracomment>今天的号已经取完了，请明天再来或询问工作人员。</extracomment>
        <translation>All of today's numbers are taken. Please come back tomorrow or ask a member of staff.</translation>
    </message>
    <message>
        <source>ticket.slip_title</source>
        <extracomment>排队号</extracomment>
        <translation>Queue number</translation>
    </message>
    <message>
        <source>ticket.slot</source>
        <extracomment>预约时段：{start}-{end}</extracomment>
        <translation>Booked time: {start}-{end}</translation>
    </message>
    <message>
        <source>ticket.spoken</source>
        <extracomment>您的号码是 {label}。</extracomment>
        <translation>Your number is {label}.</translation>
    </message>
    <message>
        <source>ticket.take_walk_in</source>
        <extracomment>取普通号</extracomment>
        <translation>Take a regular number</translation>
    </message>
    <message>
        <source>ticket.time</source>
        <extracomment>取号时间：{time}</extracomment>
        <translation>Taken at: {time}</translation>
    </message>
    <message>
        <source>ticket.title</source>
        <extracomment>取号</extracomment>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>ticket.waiting</source>
        <extracomment>前面还有 {count} 人</extracomment>
        <translation>People ahead of you: {count}</translation>
    </message>
</context>
<context>
    <name>voice</name>
    <message>
        <source>voice.disabled</source>
        <extracomment>语音提示已关闭</extracomment>
        <translation>Voice prompts are off</translation>
    </message>
    <message>
        <source>voice.engine_missing</source>
        <extracomment>语音提示暂不能用，请看屏幕上的文字。</extracomment>
        <translation>Voice prompts are not available. Please read the text on the screen.</translation>
    </message>
    <message>
        <source>voice.error</source>
        <extracomment>语音提示出现故障，请看屏幕上的文字。</extracomment>
        <translation>Voice prompts are not working. Please read the text on the screen.</translation>
    </message>
    <message>
        <source>voice.language_unsupported</source>
        <extracomment>这种语言暂时没有语音，请看屏幕上的文字。</extracomment>
        <translation>There is no voice for this language yet. Please read the text on the screen.</translation>
    </message>
    <message>
        <source>voice.no_audio_output</source>
        <extracomment>本机没有声音，请看屏幕上的文字。</extracomment>
        <translation>This kiosk has no sound. Please read the text on the screen.</translation>
    </message>
    <message>
        <source>voice.ready</source>
        <extracomment>语音提示可以使用</extracomment>
        <translation>Voice prompts available</translation>
    </message>
</context>
</TS>
