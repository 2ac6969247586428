package typo

import "strings"

// shapeGroups are characters that look alike and are mistyped or misread
// for one another in print (written for this project from common
// misprints: a stroke more or less, a component moved or swapped, and
// families that share a component: 佥 检险验脸, 甬 通诵桶, 支 技枝肢). Two
// characters of one group are confusable for TY008 even when they do not
// share a reading; characters that do share one (杨/扬) need no entry.
var shapeGroups = strings.Fields(`
己已巳 未末 戊戌戍 拔拨 侯候 幕暮慕募墓 辨辩辫瓣 峻竣俊骏 即既 赢嬴羸
浙淅 徒徙 治冶 王玉 日曰 土士 入人八 大太犬 千干于 午牛 天夭 刀力
免兔 乌鸟 折拆析 历厉 练炼 洒酒 壁璧 崇祟 贷货 侍待 梁粱 汩汨
栗粟 杆秆 盲肓 衰哀衷 茶荼 卷券 狠狼很 坚竖 设没 陈阵 项顶 抚扶 辛幸
仑仓 问间 旦且 冒昌 申由甲 准淮 崖岸 爪瓜 贝见 戎戒 苟荀 徽微 察祭
刺剌 迁迂 赤亦 孑子 戈弋 末朱 休体 锻缎 概慨 拨泼 淡谈 渴喝
拆坼 陷馅 撤撒 辙澈 彻砌 檄缴 微徵 袒祖 祗祇 清倩 揣喘
锤捶 蓝篮 籍藉 倘淌 峰锋蜂 缘椽 绿缘 毫豪 纳呐 暇瑕遐 拒矩 脏赃
稍梢哨 候喉 密蜜 嘱瞩 隋随 掉悼 棉绵 茫芒 汇江 壤嚷攘 赛塞寨
暑署 刻核 剂济 拥佣 涨胀 惯贯 钩钓 娱误 貌藐 拼拚 综棕 绩续
责债 苦若 姑始 授援 辍缀 漫慢谩 悔侮 篡纂 屡缕 幢憧 疆僵 逐遂
侵浸 蓄畜 菅管 篷蓬 佩珮 既溉 枉柱 仿访 萃粹 蔽敝弊 挽换 跨胯 算箅
检险验脸签剑俭捡 通诵桶捅涌 技枝肢岐 材村财 计汁针 领岭 龄铃 从众
染柒漆 考老孝 裁栽载 鸣呜 延廷 灸炙 汆氽 白自 目且 本木 主王 今令
识织职帜 持特恃侍 及级极吸汲 经径茎劲轻颈 投设役 推维堆 理埋厘 提堤题
稳隐 环坏怀 竞竟境镜 规观现视 复夏 产严 农衣 市币布 民氏 代伐 专转传砖
党赏尝常 输偷愉 施旅族旋旗 深探 精睛 实买 措错借惜
贫贪 便使 枢抠驱躯 真直 失夫 效郊较校绞 援缓暖 壁臂避譬 迫追
佳住往 估佑 祝视 补朴扑 初衬 晴睛请情清静 铜桐洞筒 慢漫馒
续读 绩积 违韦伟围纬 编偏遍篇 吏史使 挂桂娃洼 胖伴拌叛 冲仲钟
圆园 讯迅汛 栏拦烂 域或惑 辖害割 诫戒械 洽恰拾 湿温 渡度镀
锐悦脱税 陪赔培倍 场肠汤畅扬杨 畴筹涛铸 棋旗期欺 博搏薄傅
奖浆桨 捕哺铺浦 绍招超 堵赌睹诸储 泛乏贬 炉护庐 状壮妆装
贸贺 幅福副辐 瞻赡 荣营莹 凉谅惊晾 瑞端 浅钱贱践线残 健键建
蚀烛独触 侧测则 摘滴敌 纲钢岗刚 湖糊 哲誓逝 徐途涂除 渐斩暂
纷粉份 稿搞 摸模膜漠 扰忧优犹 征症证 侨桥娇骄 峡侠狭 矿扩旷
铁跌秩 戴载 坐座 顾顽 旬句 析柝 拢笼
`)
