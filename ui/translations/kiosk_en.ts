<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
<context>
    <name>app</name>
    <message>
        <source>app.title</source>
        <extracomment>政务服务自助终端</extracomment>
        <translation>Government Services Self-Service Kiosk</translation>
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
    <name>face</name>
    <message>
        <source>face.error</source>
        <extracomment>人脸比对暂时不能用，请询问工作人员。</extracomment>
        <translation>The face check is not available right now. Please ask a member of staff.</translation>
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
        <translation>You cannot apply on this kiosk for now. Please go to the counter at the township service centre, or ask a village helper.</translation>
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
        <translation>The village helper can apply for you, free of charge.</translation>
    </message>
    <message>
        <source>item.required</source>
        <extracomment>必须提供</extracomment>
        <translation>required</translation>
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
    <name>queue</name>
    <message>
        <source>queue.full</source>
        <extracomment>本机待发送的办理太多，暂停自助提交，请到窗口办理或请代办员帮忙。已保存的不会丢失。</extracomment>
        <translation>Too many applications are waiting to be sent, so self-service applications are paused. Please go to the counter or ask a village helper. Nothing already saved will be lost.</translation>
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
        <source>tech.menu.queue</source>
        <extracomment>队列与同步</extracomment>
        <translation>Queue and sync</translation>
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
        <translation>The upload queue is full; self-service applications are paused (village helpers can still submit). Restore the network soon, or export to a USB stick.</translation>
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
