# Konsoolka sawirrada oo Af-Soomaali ah. Wuxuu leeyahay isla fariimaha
# buugga Ingiriisiga (locales/en/console.ftl), oo leh isla doorsoomayaasha.
# Ereyada waxay raacaan dukumentiyada bixiyaha: "sawir" = snapshot.

## Language menu

language = Luqadda
language-name = Soomaali
language-unavailable = { $language } lama soo rari karin (xiriirku ma go'ay?), sidaas darteed konsoolku wuxuu ku sii jiraa luqaddii uu ku jiray.

## App shell

skip-to-content = U bood nuxurka
config-problem-title = Konsoolku ma bilaabmi karo
config-problem-hint = Qofka martigeliya konsoolkan waa inuu hubiyaa faylka config.json ee ku ag yaal index.html.
reload = Dib u soo rar
not-found-title = Bogga lama helin
not-found-link = Tag sawirrada
config-network = config.json lama soo qaadan karin (qalad shabakadeed).
config-http = config.json lama soo qaadan karin (HTTP { $status }).
config-unreadable = config.json lama akhrin karin.
config-invalid = config.json sax ma aha: { $detail }.
config-bad-base = config.json: api_base_url waa inuu madhan yahay ama noqdaa origin sida https://admin.vps.org (scheme, host iyo port oo keliya), ma aha “{ $value }”.
config-bad-origin = config.json: allowed_portal_origins waa inay ku jiraan origin-no sida https://portal.example.com, ma aha “{ $value }”.

## Sign-in and session

brand = Sawirrada VPS.org
sign-in = Soo gal
signing-in = Waa la soo galayaa…
sign-in-hint = Ku dheji calaamadda API-ga ee akoonkaaga VPS.org. Waxa lagu hayaa tab-kan browser-ka oo keliya, waana la ilaawayaa marka tab-ka la xiro.
token-label = Calaamadda API-ga
show-token = Muuji calaamadda
token-missing = Marka hore ku dheji calaamadda API-ga.
token-rejected = API-gu wuu diiday calaamaddan. Hubi oo isku day mar kale.
token-check-failed = Calaamadda lama hubin karin: { $error }
signed-out-rejected = Waa lagaa saaray sababtoo ah API-gu wuu diiday calaamadda (waxa laga yaabaa in la baajiyay ama ay dhacday).
signed-out-rejected-outcome = { signed-out-rejected } { $outcome }
signed-out-unanswered = { $count ->
    [one] Hal isbeddel oo la diray ka hor intaan gelitaankaagu dhammaan ayaa weli sugayay jawaabta API-ga: waxaa laga yaabaa in la sameeyay. Mar kale soo gal oo hubi liiska ka hor intaadan ku celin.
   *[other] { $count } isbeddel oo la diray ka hor intaan gelitaankaagu dhammaan ayaa weli sugayay jawaabta API-ga: waxaa laga yaabaa in la sameeyay. Mar kale soo gal oo hubi liiska ka hor intaadan ku celin.
}
portal-sign-in-failed = Soo gelitaanka portal-ka ma shaqayn: { $error }
sign-out = Ka bax

## Snapshot list

page-title = Sawirrada — VPS.org
page-title-busy = ({ $count }) { page-title }
offline-banner = Xiriir internet ma lihid. Cusboonaysiintu way hakatay, waxayna dib u bilaabanaysaa marka xiriirku soo laabto.
unreadable-snapshots = { $count } sawir oo ku jira jawaabta API-ga lama akhrin karin, lamana muujinayo. Cusboonaysii, ama ka hubi guddiga bixiyaha.
label-server = Server
all-servers = Dhammaan server-yada
label-search = Raadi
search-placeholder = Server, hostname, IP ama sawir
label-sort = Kala sooc sawirrada
sort-date = Kuwa ugu cusub marka hore
sort-name = Magaca (A–Z)
sort-size = Kuwa ugu waaweyn marka hore
updated = La cusboonaysiiyay { $time }
refresh = Cusboonaysii
refreshing = Waa la cusboonaysiinayaa…
new-snapshot = Sawir cusub
stale-notice = Lama cusboonaysiin karin: { $error } Liiska waxa loo muujinayaa sidii uu ahaa { $age }.
retry = Isku day mar kale
load-failed = Sawirrada lama soo rari karin
list-empty = Akoonkan weli ma laha server ama sawir.
no-match = Ma jiro server ama sawir u dhigma “{ $query }”.
loading-snapshots = Sawirrada waa la soo rarayaa…

## A server's group

group-count = { $count } / { $limit } sawir
new-snapshot-of = Sawir cusub oo laga qaado { $server }
group-limit-reached = Xadka waa la gaaray: server-kan wuxuu leeyahay { $limit } sawir. Tirtir mid ka hor intaadan mid cusub qaadin.
group-empty = Weli sawir ma jiro. Qaado mid ka hor isbeddelkaaga khatarta leh ee xiga.
server-state-active = shaqaynaya
restore-line-running = Soo celinta “{ $snapshot }” waxay socotaa (la bilaabay { $started }): { $progress }
restore-line-finished = Waa laga soo celiyay “{ $snapshot }” (la bilaabay { $started }).
restore-line-untracked = Soo celinta “{ $snapshot }” waxay bilaabatay { $started }. Konsoolkan ma arki karo goorta ay dhammaato (ma heli karo API-ga Servers); badanaa waxay qaadataa { $min }–{ $max } daqiiqo.

## A snapshot's row

label-size = Cabbirka
label-created = La sameeyay
time-unknown = waqti aan la garanayn
status-completed = Dhammaaday
status-in-progress = Socda
restore-note-in-progress = Waa la soo celin karaa marka uu dhammaado.
restore-note-other = Lama soo celin karo (xaaladda: { $status }).
restore-note-server-restoring = Server-ka waa la soo celinayaa; sug ilaa uu dhammaado.
restore = Soo celi
delete = Tirtir
restore-aria = Soo celi { $server } adiga oo isticmaalaya { $snapshot }
delete-aria = Tirtir sawirka { $snapshot } ee { $server }

## Sizes, dates and durations

size-unknown = —
size-mb = { $amount } MB
size-gb = { $amount } GB
size-tb = { $amount } TB
time-just-now = hadda
time-minutes-ago =
    { $count ->
        [one] { $count } daqiiqad ka hor
       *[other] { $count } daqiiqo ka hor
    }
time-hours-ago =
    { $count ->
        [one] { $count } saacad ka hor
       *[other] { $count } saacadood ka hor
    }
time-days-ago =
    { $count ->
        [one] { $count } maalin ka hor
       *[other] { $count } maalmood ka hor
    }
time-months-ago =
    { $count ->
        [one] { $count } bil ka hor
       *[other] { $count } bilood ka hor
    }
time-years-ago =
    { $count ->
        [one] { $count } sannad ka hor
       *[other] { $count } sannadood ka hor
    }
datetime-at = { $day }/{ $month }/{ $year } { $hour }:{ $minute }:{ $second } { $zone }
taken-at = { $exact } ({ $relative })
elapsed-under-minute = < 1 daqiiqo
elapsed-minutes = { $count } daqiiqo
progress = Waqtiga dhaafay: { $elapsed } — badanaa { $min }–{ $max } daqiiqo
progress-overdue = Waqtiga dhaafay: { $elapsed } — wuu ka dheeraaday sidii caadiga ahayd (badanaa { $min }–{ $max } daqiiqo)

## New snapshot dialog

create-purpose = Sawirku waa bar dib-u-celin degdeg ah oo la sameeyo ka hor isbeddel khatar leh: { $limit } server kasta, waxaana lagu kaydiyaa isla kaabayaasha. Ilaalin muddo dheer ah, isticmaal kaydinta (backups).
choose-server = Dooro server
server-note-full = { $count } / { $limit } — xadka waa la gaaray
label-name = Magaca
name-rule = Isticmaal xarfo, tirooyin, jiitin (-) iyo hoos-xariiq (_) oo keliya, ugu badnaan { $max } xaraf.
name-empty = Magac waa loo baahan yahay.
name-too-long = Magacu wuxuu ka dheer yahay { $max } xaraf.
name-space = Meelo bannaan lama oggola.
name-bad-char = “{ $char }” lama oggola.
label-description = Sharaxaad
optional = (ikhtiyaari)
char-count = { $count } / { $max } xaraf
cancel = Baaji
create-snapshot = Samee sawir
creating = Waa la samaynayaa…
limit-reached-oldest = { $server } wuxuu gaaray xadka { $limit } sawir. Marka hore tirtir mid (kuwa ugu da'da weyn marka hore: { $names }).
quoted = “{ $text }”
warn-running = { $server } waa shaqaynayaa. Sawir laga qaado server shaqaynaya wuxuu ka tagi karaa nidaamka faylasha oo aan is-waafaqsanayn; natiijada ugu fiican, marka hore jooji server-ka.
warn-maybe-running = Haddii server-ku shaqaynayo, nidaamka faylashiisu wuxuu sawirka ku noqon karaa mid aan is-waafaqsanayn; natiijada ugu fiican, marka hore jooji server-ka.
create-server-gone = Server-kan mar dambe ma jiro, sidaas darteed waxba lama samayn. Cusboonaysii liiska.
create-refused-plain = API-gu wuu diiday sawirka: { $error }
create-refused = { $error } Waxba lama samayn.
create-not-created = { $error } Waxba lama samayn (liisku ma laha sawirkaas). Mar kale ayaad isku dayi kartaa.
create-unknown = { $error } Lama oga in sawirka la sameeyay iyo in kale: cusboonaysii liiska ka hor intaadan mar kale isku dayin.
toast-creating = Sawirka “{ $snapshot }” ee { $server } waa la samaynayaa.

## Restore dialog

restore-title = Ma soo celinaysaa { $server } adiga oo isticmaalaya sawirka “{ $snapshot }”?
restore-replaced = Dhammaan xogta hadda ku jirta { $server } (#{ $id }) waxaa lagu beddeli doonaa
restore-replaced-by = sawirka “{ $snapshot }”, oo la qaaday { $taken }. Tallaabadan lama celin karo.
restore-stop-note = Server-ka si toos ah ayaa loo joojinayaa ka hor inta aan soo celintu bilaabmin. Soo celintu badanaa waxay qaadataa { $min }–{ $max } daqiiqo.
restore-wait-running = Sawir laga qaadayo { $server } ayaa socda. Soo celi marka uu dhammaado, si aan loo goyn.
restore-safety-advice = Marka hore qaado sawir badbaado oo { $server } ah, si xaaladdiisa hadda dib loogu soo celin karo.
safety-take = Qaado sawir badbaado
safety-starting = Sawirka waa la bilaabayaa…
restore-no-room = { $server } wuxuu leeyahay { $limit } / { $limit } sawir, sidaas darteed meel looma hayo sawir badbaado.
safety-description = Sawir badbaado ka hor soo celinta { $snapshot }
restore-confirm-label = Si aad u xaqiijiso, qor magaca server-ka
restore-server = Soo celi server-ka
restoring = Waa la soo celinayaa…
restore-refused = API-gu wuu diiday soo celinta: server-ku kuma jiro xaalad u oggolaanaysa. { $error }
restore-snapshot-gone = Sawirkan mar dambe ma jiro, sidaas darteed waxba lama soo celin. Cusboonaysii liiska.
restore-maybe = { $error } Soo celintu waxa laga yaabaa inay bilaabatay ama aanay bilaabmin: hubi xaaladda server-ka ka hor intaadan mar kale isku dayin.
restore-failed = { $error } Server-ka lama soo celin.
safety-not-created = Sawirka badbaadada lama samayn: { $error }
safety-unknown = { $error } Lama oga in sawirka badbaadada la sameeyay iyo in kale.

## Delete dialog

delete-title = Ma tirtiraysaa sawirka “{ $snapshot }”?
delete-warning = Sawirka “{ $snapshot }” ee { $server } (#{ $id }), oo la qaaday { $taken }, si joogto ah ayaa loo tirtiri doonaa.
delete-last-point = Kani waa sawirkii ugu dambeeyay ee dhammaystiran ee { $server }: marka la tirtiro, server-ku ma yeelan doono bar dib-u-celin.
delete-maybe = { $error } Sawirka waxa laga yaabaa in aan la tirtirin: cusboonaysii liiska si aad u hubiso.
delete-failed = { $error } Sawirka lama tirtirin.
delete-snapshot = Tirtir sawirka
deleting = Waa la tirtirayaa…

## Notices

dismiss-notice = Xir ogeysiiska
toast-restore-finished = Soo celinta { $server } ee sawirka “{ $snapshot }” way dhammaatay.
toast-restore-started = { $server }: soo celintu way bilaabatay.
toast-deleted = Sawirka “{ $snapshot }” waa la tirtiray.
toast-already-deleted = Sawirka “{ $snapshot }” hore ayaa loo tirtiray.
toast-snapshot-complete = Sawirka “{ $snapshot }” ee { $server } wuu dhammaaday ({ $size }).
toast-snapshot-failed = Sawirka “{ $snapshot }” ee { $server } ma dhammaystirmin.
outcome-not-created = Sawirka “{ $snapshot }” lama samayn.
outcome-not-restored = Server-ka { $server } lama soo celin.
outcome-not-deleted = Sawirka “{ $snapshot }” lama tirtirin.
server-fallback = server #{ $id }

## API errors

error-unauthorized = API-gu wuu diiday calaamadda (waxa laga yaabaa in la baajiyay ama ay dhacday).
error-forbidden = Calaamaddan looma oggola inay taas samayso.
error-not-found = Lama helin: waxa laga yaabaa in hore loo tirtiray.
error-rejected = API-gu wuu diiday codsiga.
error-rate-limited = API-gu hadda wuu xaddidayaa codsiyada. Sug wax yar oo isku day mar kale.
error-server = API-ga ayaa dhibaato ku timid (HTTP { $status }). Isku day mar kale wax yar kadib.
error-network = API-ga lama gaari karin. Hubi xiriirkaaga oo isku day mar kale.
error-timeout = API-gu waqtigii kuma jawaabin.
error-undecodable = API-gu wuxuu soo diray jawaab uusan konsoolkani akhrin karin.
error-with-detail = { $generic } API-gu wuxuu yiri: “{ $detail }”

## Delete many, undo window, make room

select-snapshot = Dooro { $snapshot } ee { $server }
select-all-of = Dooro dhammaan sawirrada { $server }
selection-summary = { $count } la doortay · { $size }
delete-selected = Tirtir kuwa la doortay
clear-selection = Ka saar doorashada
delete-many-title = Ma tirtiraysaa { $count } sawir?
delete-many-lead = Sawirradan si joogto ah ayaa loo tirtiri doonaa, waxaana la banayn doonaa { $size }. Sawir la tirtiray lama soo celin karo.
delete-many-last-point = { $server } ma yeelan doono sawir dhammaystiran: bartiisii ugu dambaysay ee dib-u-celinta way tagi lahayd.
delete-many-confirm-label = Si aad u xaqiijiso, qor tirada sawirrada la tirtirayo ({ $count })
delete-many-confirm = Tirtir { $count } sawir
deleting-in = Waxa la tirtirayaa { $seconds } ilbiriqsi kadib
undo = Ka noqo
undo-aria = Ka noqo tirtirka { $snapshot } ee { $server }
undo-all = Ka noqo dhammaan
pending-summary = { $count } sawir ayaa sugaya in la tirtiro. Haddii aad boggan ka baxdo, waa la baajinayaa.
toast-delete-undone = Tirtirka “{ $snapshot }” waa la baajiyay: waxba lama dirin.
toast-deleted-many = { $count } sawir waa la tirtiray.
toast-deletes-cancelled =
    { $count ->
        [one] Tirtirkii sugayay waa la baajiyay: waxba lama dirin.
       *[other] { $count }-dii tirtir ee sugayay waa la baajiyay: waxba lama dirin.
    }
delete-failures-title = { $count } sawir lama tirtirin
delete-failure-line = “{ $snapshot }” ee { $server }: { $error }
retry-failed = Isku day mar kale kuwii fashilmay
dismiss-failures = Xir
outcome-delete-stopped = La tirtiray: { $deleted }. Lama tirtirin: { $kept }.
none-listed = midna
make-room-offer = Samee meel: marka hore tirtir “{ $snapshot }”, sawirka dhammaystiran ee ugu da'da weyn ee { $server }, oo la qaaday { $taken }.
make-room-none = Sawir { $server } ah lama tirtiri karo si meel loo sameeyo: ma laha sawir dhammaystiran oo ka da' weyn kan ugu dambeeya, sawirrada socdana weligood lama tirtiro.
make-room-submit = Tirtir “{ $snapshot }”, kadib samee
toast-make-room-create-failed = { $old } waa la tirtiray, laakiin sawirka cusub “{ $new }” lama qaadin: { $error }
toast-make-room-create-unknown = { $old } waa la tirtiray; lama oga in sawirka cusub “{ $new }” la qaaday: { $error } Cusboonaysii si aad u hubiso.
toast-make-room-not-deleted = { $old } lama tirtirin, sidaas darteed sawir cusub lama qaadin: { $error }
make-room-open = Samee meel…
make-room-open-aria = Samee meel { $server } si sawir cusub loo qaado

## Snapshot several servers

create-many = Sawir ka qaad dhowr server
create-many-purpose = Sawir ka mid ah server kasta oo la doortay, dhammaantood isku magac. Server kasta hal mar ayaa la weydiinayaa, ugu badnaan { $max } hal mar, waxna si toos ah looma celinayo.
create-many-servers = Server-yada
create-many-select-room = Dooro dhammaan kuwa meel haysta
create-many-filter = Raadi server-yada
create-many-filter-hint = Magac, lambar, hostname ama IP
create-many-filter-none = Ma jiro server u dhigma “{ $query }”.
create-many-select-found = Dooro dhammaan kuwa la helay ee meel haysta
create-many-partial = Waxaa la taxay { $shown } ka mid ah { $total } server. Ku raadi magac ama lambar si aad liiska u yareyso.
create-many-list-more = Taxo { $count } kale
create-many-chosen = { $count } server ayaa la doortay
create-many-no-servers = Weli wax server ah lama oga. Cusboonaysii liiska oo isku day mar kale.
create-many-count = { $count } / { $limit }
create-many-full = Xadka waa la gaaray: marka hore tirtir sawir ka mid ah server-kan.
create-many-running = Waa shaqaynayaa: marka hore jooji si sawirku u noqdo mid is-waafaqsan.
create-many-confirm =
    { $count ->
        [0] Sawir ka qaad server-yada la doortay
       *[other] Sawir ka qaad { $count } server
    }
create-many-progress = Horumarka
create-many-summary =
    { $refused ->
        [0]
            { $left ->
                [0] { $created } ka mid ah { $total } waa la sameeyay
               *[other] { $created } ka mid ah { $total } waa la sameeyay, { $left } weli way socdaan
            }
       *[other]
            { $left ->
                [0] { $created } ka mid ah { $total } waa la sameeyay, { $refused } waa la diiday
               *[other] { $created } ka mid ah { $total } waa la sameeyay, { $refused } waa la diiday, { $left } weli way socdaan
            }
    }
create-many-close-note = Xiritaanka wada-hadalkan ma joojinayo waxa la diray: liisku wuxuu muujinayaa sawir kasta oo cusub.
close = Xir
step-waiting = Sugaya
step-sent = Waa la diray, API-ga ayaa la sugayaa
step-in-progress = Socda
step-completed = Dhammaaday ({ $size })
step-ended = Wuxuu ku dhammaaday xaaladda “{ $status }”
step-started = Waa la bilaabay
step-not-asked = Lama weydiin: waxba lama dirin
step-no-answer = Jawaab ma jirto: waxa laga yaabaa in la sameeyay iyo in kale. Hubi liiska ka hor intaadan mar kale isku dayin.
list-none = midna
batch-signed-out = Dufcadda waa la joojiyay. Sawir waa laga bilaabay: { $started }. Lama weydiin (waxba lama dirin): { $not_asked }. Waa la weydiiyay, laakiin sawir lama bilaabin: { $failed }.

## Rollback readiness, export, keyboard shortcuts

# $ago is a relative time such as “3 maalmood ka hor”.
readiness-fresh = Barta dib-u-celinta ee ugu dambeysay: { $ago }
readiness-stale =
    { $days ->
        [one] Duugoobay: barta dib-u-celinta ee ugu dambeysay waa { $ago }, in ka badan { $days } maalin
       *[other] Duugoobay: barta dib-u-celinta ee ugu dambeysay waa { $ago }, in ka badan { $days } maalmood
    }
readiness-undated = Duugoobay: waqtiga barta dib-u-celinta ee ugu dambeysay lama garanayo
readiness-none = Bar dib-u-celin ma jirto: server-kan ma laha sawir dhammaystiran
readiness-summary =
    { $count ->
        [one] { $count } ka mid ah { $total } server ma laha bar dib-u-celin oo ka mid ah { $days }-kii maalmood ee u dambeeyay.
       *[other] { $count } ka mid ah { $total } server ma laha bar dib-u-celin oo ka mid ah { $days }-kii maalmood ee u dambeeyay.
    }
readiness-summary-ok = Server kasta wuxuu leeyahay bar dib-u-celin oo ka mid ah { $days }-kii maalmood ee u dambeeyay.
readiness-show-missing = Muuji server-yadan oo keliya
readiness-filter-empty = Server kasta oo halkan ku jira wuxuu leeyahay bar dib-u-celin oo dhow.
export-label = U dhoofi liiska sida uu u muuqdo
export-csv = U dhoofi CSV
export-json = U dhoofi JSON
export-failed = Faylka looma diyaarin karin soo dejinta. Isku day mar kale.
shortcuts-button = Furayaasha kiiboodhka
shortcuts-title = Furayaasha kiiboodhka
shortcuts-intro = Furayaashani waxay ka shaqeeyaan liiska sawirrada, marka laga reebo inta aad meel wax ku qorayso ama wada-hadal furan yahay.
shortcuts-then = kadibna
shortcut-new-snapshot = Sawir cusub
shortcut-focus-search = Raadi
shortcut-refresh = Cusboonaysii liiska
shortcut-activity = U gudub Hawlaha
shortcut-help = Muuji liiskan
shortcuts-close = Xir

## Activity page, notifications, idle sign-out

activity-link = Hawlaha
activity-back-to-snapshots = Sawirrada
activity-title = Hawlaha tab-kan
activity-intro = Samayn, soo celin iyo tirtir kasta oo tab-kani diray, kuwa ugu dambeeyay marka hore. Waa la hayaa ilaa aad ka baxdo ama aad xirto tab-ka.
activity-empty = Tab-kani weli ma dirin samayn, soo celin ama tirtir.
activity-export-json = U dhoofi JSON ahaan
activity-col-time = Waqti
activity-col-action = Tallaabo
activity-col-server = Server
activity-col-snapshot = Sawir
activity-col-outcome = Natiijo
activity-col-duration = Muddo
activity-col-command = Amar
activity-create = Samee
activity-restore = Soo celi
activity-delete = Tirtir
# $status is the HTTP status code the API answered with.
activity-status = HTTP { $status }
activity-no-answer = Jawaab ma jirto
# $ms is a whole number of milliseconds.
activity-duration = { $ms } ms
activity-copy-curl = Koobiyee cURL ahaan
activity-copied = Waa la koobiyeeyay. Amarku calaamadda wuxuu ka akhriyaa $VPS_API_TOKEN.
activity-copy-fallback = Browser-ku ma oggolaan koobiyeynta. Dooro amarkan oo koobiyee:
idle-warning-title = Weli ma joogtaa?
# $seconds is a whole number of seconds.
idle-warning-text = Tab-kan muddo lama isticmaalin. Ammaan awgeed waa lagaa saari doonaa { $seconds } ilbiriqsi gudahood.
idle-stay = Sii joog
idle-signed-out = Waa lagaa saaray sababtoo ah tab-kan muddo lama isticmaalin. Mar kale soo gal si aad u sii wadato.
notify-me = I soo sheeg
notify-denied = Browser-ku uma oggola ogeysiisyada boggan, sidaas darteed way dansan yihiin. Waxaad ku oggolaan kartaa dejinta bogga.
notify-unsupported = Browser-kan halkan kuma muujin karo ogeysiisyada.
notify-snapshot-complete-title = Sawirka wuu dhammaaday
notify-snapshot-failed-title = Sawirku wuu fashilmay
notify-restore-finished-title = Soo celintu way dhammaatay

## Make room when snapshotting several servers

create-many-make-room = Samee meel { $server }: marka hore tirtir “{ $snapshot }”
create-many-room-lead =
    { $count ->
        [one] Sawirkan ayaa marka hore la tirtiri doonaa si meel loo sameeyo:
       *[other] { $count }-dan sawir ayaa marka hore la tirtiri doonaa si meel loo sameeyo:
    }
create-many-room-item = { $server }: “{ $snapshot }”, la qaaday { $taken }
create-many-room-warning =
    { $seconds ->
        [0] Tirtirrada ayaa marka hore dhacaya, waxaana la dirayaa isla markaad xaqiijiso; marka la diro lama celin karo. Server kasta oo kuwan ka mid ah wuxuu helayaa sawirkiisa cusub kaliya marka tirtirkiisu guuleysto.
       *[other] Tirtirrada ayaa marka hore dhacaya, lamana celin karo marka la diro. Waxay sugayaan { $seconds } ilbiriqsi, inta lagu jiro "Ka noqo" ee sawir wuxuu baajinayaa tirtirkiisa iyo sawirka cusub ee server-kaas. Server kasta oo kuwan ka mid ah wuxuu helayaa sawirkiisa cusub kaliya marka tirtirkiisu guuleysto.
    }
step-making-room = Meel ayaa la samaynayaa: marka hore waxa la tirtirayaa “{ $snapshot }”; sawirka cusub ayaa sugaya
step-room-undone = Waa la baajiyay: tirtirka “{ $snapshot }” waa laga noqday, sidaas darteed sawir cusub lama qaadin
step-room-not-deleted = Lama qaadin: sawirkii hore “{ $snapshot }” lama tirtirin. { $error }
step-room-create-failed = Sawirkii hore “{ $snapshot }” waa tagay, sawirka cusubna lama qaadin: { $error }
step-room-create-unknown = Sawirkii hore “{ $snapshot }” waa tagay; lama oga in sawirka cusub la qaaday: { $error } Hubi liiska ka hor intaadan mar kale isku dayin.
step-room-not-asked = Lama weydiin: sawir cusub lama qaadin, sawirkii hore “{ $snapshot }” horayba waa loo tirtiray
batch-signed-out-room = Dufcadda waa la joojiyay. Sawir waa laga bilaabay: { $started }. Lama weydiin (waxba lama dirin): { $not_asked }. Waa la weydiiyay, laakiin sawir lama bilaabin: { $failed }. Sawirkii hore waa la tirtiray si meel loo sameeyo, laakiin sawir cusub lama bilaabin: { $room_gone }.

## Session safety: a new portal token, leaving the page with deletes waiting

portal-session-ended = Portal-ku wuxuu soo diray calaamad cusub, sidaas darteed marka hore waa lagaa saaray gelitaankii hore: waxba oo ka mid ah wixii sugayay lama diri doono.
toast-deletes-not-sent-left =
    { $count ->
        [one] Boggan waad ka baxday intuu tirtir sugayay, sidaas darteed waa la joojiyay: waxba lama dirin. Mar kale tirtir sawirka haddii aad weli rabto in la tirtiro.
       *[other] Boggan waad ka baxday intay { $count } tirtir sugayeen, sidaas darteed waa la joojiyay: waxba lama dirin. Mar kale tirtir sawirrada haddii aad weli rabto in la tirtiro.
    }

## Xarfo qarsoon oo ku jira magacyada

# $name waa magac ka yimid API-ga, xaraf kasta oo qarsoon waxaa loo qoray <U+…>.
hidden-chars-server = Magaca server-ka { $name } wuxuu leeyahay xarfo qarsoon oo beddeli kara sida loo akhriyo. Mid kasta halkan waxaa loo qoray <U+…>, oo ah lambarkiisa Unicode.
hidden-chars-snapshot = Magaca sawirka { $name } wuxuu leeyahay xarfo qarsoon oo beddeli kara sida loo akhriyo. Mid kasta halkan waxaa loo qoray <U+…>, oo ah lambarkiisa Unicode.
restore-confirm-label-written = Si aad u xaqiijiso, qor magaca server-ka sida halkan loogu qoray, adigoo ku daraya <U+…> kasta
hidden-chars-short = magiciisu wuxuu leeyahay xarfo qarsoon

## A server being restored is locked

server-locked-restoring = { $server } waa la soo celinayaa. Ilaa soo celintu dhammaato, sawir cusub lagama qaadi karo, lama soo celin karo, sawirradiisana lama tirtiri karo.
restore-source-badge = Waxa laga soo celinayaa sawirkan
server-note-restoring = waa la soo celinayaa
create-many-restoring = Waa la soo celinayaa: waa la dooran karaa marka soo celintu dhammaato.
toast-selection-dropped-restoring =
    { $count ->
        [one] Sawirrada { $servers } waa laga saaray doorashadaada: server-kaas waa la soo celinayaa. Waxba lama tirtirin.
       *[other] Sawirrada { $servers } waa laga saaray doorashadaada: server-yadaas waa la soo celinayaa. Waxba lama tirtirin.
    }
error-server-restoring = Lama dirin: server-ka waa la soo celinayaa. Isku day mar kale marka soo celintu dhammaato.

## Undo windows, make room bound to its snapshot, statuses

undo-window-one =
    { $seconds ->
        [0] Tirtirka waxa la dirayaa isla markaad xaqiijiso, lamana celin karo.
       *[other] Tirtirka waxa la dirayaa { $seconds } ilbiriqsi kadib markaad xaqiijiso; ilaa markaas waad ka noqon kartaa. Marka la diro, lama celin karo.
    }
undo-window-many =
    { $seconds ->
        [0] Tirtirrada waxa la dirayaa isla markaad xaqiijiso, lamana celin karo.
       *[other] Tirtirrada waxa la dirayaa { $seconds } ilbiriqsi kadib markaad xaqiijiso; ilaa markaas waad ka noqon kartaa. Marka la diro, lama celin karo.
    }
make-room-follows =
    { $seconds ->
        [0] Kadib sawir cusub ayaa laga qaadayaa { $server }, kaliya haddii tirtirku guuleysto.
       *[other] Kadib sawir cusub ayaa laga qaadayaa { $server }, kaliya haddii tirtirku guuleysto. "Ka noqo" labadaba wuu baajinayaa.
    }
deleting-in-then-create = Waxa la tirtirayaa { $seconds } ilbiriqsi kadib, kadibna sawir cusub ayaa laga qaadayaa { $server }
deleting-then-create = Waa la tirtirayaa, kadibna sawir cusub ayaa laga qaadayaa { $server }…
make-room-changed = Liisku wuu isbeddelay intuu wada-hadalkani furnaa: sawirka { $server } ee la tirtirayo hadda waa “{ $new }”, ma aha “{ $old }”. Xaqiijintaadii waa la baajiyay; hubi oo mar kale xaqiiji.
status-failed = Fashilmay
restore-note-failed = Lama soo celin karo (xaaladda: fashilmay).
server-state-stopped = joogsan
server-state-suspended = la hakiyay
server-state-restoring = la soo celinayo

## Security review: the API's address and its next-page links

config-base-not-https = config.json: api_base_url waa inuu isticmaalaa https://, maxaa yeelay codsi kastaa wuxuu sidaa calaamadda API-ga, http:// caadi ahna wuxuu u diri lahaa iyadoo aan la sirayn (http:// waxa loo oggol yahay oo keliya localhost iyo 127.0.0.1), ma aha “{ $value }”.
error-next-page-refused = Liisku wuu istaagay ka hor dhammaadkiisa: API-gu wuxuu “{ $next }” u bixiyay cinwaanka boggiisa xiga, kaas oo aan ahayn liiska API-gan. Calaamadda API-ga meel kale looma diro, sidaas darteed inta hadhay lama weydiin.

## Search and sort: servers found by name, number, hostname or IP; the server sort

label-server-sort = Kala sooc server-yada
server-sort-readiness = Kuwa aan diyaarka ahayn marka hore
server-sort-count = Kuwa sawirrada ugu badan leh marka hore
server-sort-size = Kuwa wadarta ugu weyn marka hore
server-sort-newest = Sawirka ugu cusub marka hore
list-shown = Waxa la muujinayaa { $servers } iyo { $snapshots }.
count-servers = { $count } server
count-snapshots = { $count } sawir

## The server page (…/servers/{id})

server-page-title = { $server } — { page-title }
server-page-back = Ku noqo liiska
server-page-details = Faahfaahin
server-page-hostname = Magaca martigeliyaha
server-page-ip = Cinwaanka IP
server-page-status = Xaaladda
server-page-location = Goobta
server-page-plan = Qorshaha
server-page-os = Nidaamka hawlgalka
server-page-created = La sameeyay
server-page-plan-value = { $plan } · { $vcpus } vCPU · { $memory } RAM · { $storage } kayd
server-page-not-given = Lama sheegin
server-page-forbidden = Calaamaddan looma oggola inay akhrido API-ga server-yada: magaca martigeliyaha, cinwaanka IP, goobta, qorshaha, nidaamka hawlgalka iyo taariikhda la sameeyay lama muujinayo. Sawirrada hoose waxay ka yimaadeen liiska sawirrada.
server-page-failed = Faahfaahinta server-ka lama akhriyi karin: { $reason } Sawirrada hoose waxay ka yimaadeen liiska sawirrada.
server-page-activity = Laga diray tab-kan
server-page-activity-empty = Tab-kani weli uma dirin samayn, soo celin ama tirtir server-kan.
server-page-loading = Server-ka waa la soo rarayaa…
server-page-unknown = Ma jiro server #{ $id }
server-page-unknown-hint = Akoonkan ma laha server lambarkaas leh, ama calaamaddani ma arki karto.

# The server pickers (ui/combobox): how many options the typed text finds, said politely.
combobox-found =
    { $count ->
        [0] Wax u dhigma ma jiro
       *[other] { $count } ayaa u dhigma
    }

## A big account loading behind its first screen (store/load.rs)

list-progress = Waxaa la soo raray { $loaded } ka mid ah { $total } sawir. Raadinta iyo shaandhada server-ka waxay daboolaan inta la soo raray ilaa hadda, soo koobidda diyaargarowguna kaliya server-yada la muujiyay; kuwa kale waxaa lagu darayaa hoosta marka raritaanku dhammaado, kadibna kala horreyntu way isbeddeli kartaa.
list-progress-done = Dhammaan { $total } sawir waa la soo raray. Raadinta, shaandhada server-ka iyo soo koobidda diyaargarowga hadda waxay daboolaan dhammaantood.
list-progress-label = Sawirrada la soo raray
search-partial = Waxaa la raadinayaa kaliya inta la soo raray ilaa hadda: { $loaded } ka mid ah { $total } sawir ayaa la soo raray…
search-complete = Waxaa la raadiyay dhammaan { $total } sawir.
server-still-loading = Sawirrada server-kan weli waa la soo rarayaa: kaliya kuwa ilaa hadda la akhriyay ayaa la muujinayaa, mana qaadan karo sawir cusub ilaa dhammaan la akhriyo.

## Phone-sized screens, notices, times (issue 27)
more-tools = Kale
toasts-more = +{ $count } kale
toast-details = Faahfaahin
time-zone-label = Waqtiyada
time-zone-local = Waqtiga maxalliga ah
time-zone-utc = UTC
activity-export-csv = U dhoofi CSV ahaan
