# La consola de instantáneas en español. Tiene exactamente los mensajes del
# catálogo inglés (locales/en/console.ftl), con las mismas variables.

## Language menu

language = Idioma
language-name = Español
language-unavailable = No se pudo cargar { $language } (¿falla la conexión?), así que la consola sigue en el idioma en que estaba.

## App shell

skip-to-content = Saltar al contenido
config-problem-title = La consola no puede iniciarse
config-problem-hint = Quien aloje esta consola debe revisar el archivo config.json junto a index.html.
reload = Recargar
not-found-title = Página no encontrada
not-found-link = Ir a las instantáneas
config-network = No se pudo obtener config.json (error de red).
config-http = No se pudo obtener config.json (HTTP { $status }).
config-unreadable = No se pudo leer config.json.
config-invalid = config.json no es válido: { $detail }.
config-bad-base = config.json: api_base_url debe estar vacío o ser un origen como https://admin.vps.org (solo esquema, host y puerto), no «{ $value }».
config-bad-origin = config.json: allowed_portal_origins debe contener orígenes como https://portal.example.com, no «{ $value }».

## Sign-in and session

brand = Instantáneas de VPS.org
sign-in = Iniciar sesión
signing-in = Iniciando sesión…
sign-in-hint = Pegue un token de API de su cuenta de VPS.org. Se guarda solo en esta pestaña del navegador y se olvida al cerrarla.
token-label = Token de API
show-token = Mostrar token
token-missing = Primero pegue su token de API.
token-rejected = La API rechazó este token. Revíselo e inténtelo de nuevo.
token-check-failed = No se pudo comprobar el token: { $error }
signed-out-rejected = Se cerró su sesión porque la API rechazó el token (puede haber sido revocado o haber caducado).
signed-out-rejected-outcome = { signed-out-rejected } { $outcome }
signed-out-unanswered = { $count ->
    [one] Un cambio enviado antes de que terminara la sesión aún esperaba la respuesta de la API: puede que se haya hecho. Vuelva a iniciar sesión y revise la lista antes de repetirlo.
   *[other] { $count } cambios enviados antes de que terminara la sesión aún esperaban la respuesta de la API: puede que se hayan hecho. Vuelva a iniciar sesión y revise la lista antes de repetirlos.
}
portal-sign-in-failed = El inicio de sesión desde el portal no funcionó: { $error }
sign-out = Cerrar sesión

## Snapshot list

page-title = Instantáneas — VPS.org
page-title-busy = ({ $count }) { page-title }
offline-banner = No tiene conexión. Las actualizaciones están en pausa y se reanudarán cuando vuelva la conexión.
unreadable-snapshots =
    { $count ->
        [one] No se pudo leer { $count } instantánea de la respuesta de la API y no se muestra. Actualice o revísela en el panel del proveedor.
       *[other] No se pudieron leer { $count } instantáneas de la respuesta de la API y no se muestran. Actualice o revíselas en el panel del proveedor.
    }
label-server = Servidor
all-servers = Todos los servidores
label-search = Buscar
search-placeholder = Servidor, hostname, IP o instantánea
label-sort = Ordenar instantáneas
sort-date = Más recientes primero
sort-name = Nombre (A–Z)
sort-size = Más grandes primero
updated = Actualizado { $time }
refresh = Actualizar
refreshing = Actualizando…
new-snapshot = Nueva instantánea
stale-notice = No se pudo actualizar: { $error } Se muestra la lista tal como estaba { $age }.
retry = Reintentar
load-failed = No se pudieron cargar las instantáneas
list-empty = Esta cuenta aún no tiene servidores ni instantáneas.
no-match = Ningún servidor ni instantánea coincide con «{ $query }».
loading-snapshots = Cargando instantáneas…

## A server's group

group-count = { $count } / { $limit } instantáneas
new-snapshot-of = Nueva instantánea de { $server }
group-limit-reached = Límite alcanzado: este servidor tiene { $limit } instantáneas. Elimine una antes de crear otra.
group-empty = Aún no hay instantáneas. Cree una antes de su próximo cambio arriesgado.
server-state-active = en ejecución
restore-line-running = Restaurando desde «{ $snapshot }» (iniciado { $started }): { $progress }
restore-line-finished = Restaurado desde «{ $snapshot }» (iniciado { $started }).
restore-line-untracked = La restauración desde «{ $snapshot }» se inició { $started }. Esta consola no puede ver cuándo termina (no tiene acceso a la API de servidores); suele tardar { $min }–{ $max } minutos.

## A snapshot's row

label-size = Tamaño
label-created = Creada
time-unknown = fecha desconocida
status-completed = Completada
status-in-progress = En curso
restore-note-in-progress = Se podrá restaurar cuando se complete.
restore-note-other = No se puede restaurar (estado: { $status }).
restore-note-server-restoring = Su servidor se está restaurando; espere a que termine.
restore = Restaurar
delete = Eliminar
restore-aria = Restaurar { $server } desde { $snapshot }
delete-aria = Eliminar la instantánea { $snapshot } de { $server }

## Sizes, dates and durations

size-unknown = —
size-mb = { $amount } MB
size-gb = { $amount } GB
size-tb = { $amount } TB
time-just-now = ahora mismo
time-minutes-ago =
    { $count ->
        [one] hace { $count } minuto
       *[other] hace { $count } minutos
    }
time-hours-ago =
    { $count ->
        [one] hace { $count } hora
       *[other] hace { $count } horas
    }
time-days-ago =
    { $count ->
        [one] hace { $count } día
       *[other] hace { $count } días
    }
time-months-ago =
    { $count ->
        [one] hace { $count } mes
       *[other] hace { $count } meses
    }
time-years-ago =
    { $count ->
        [one] hace { $count } año
       *[other] hace { $count } años
    }
datetime-at = { $day }/{ $month }/{ $year } { $hour }:{ $minute }:{ $second } { $zone }
taken-at = { $exact } ({ $relative })
elapsed-under-minute = < 1 min
elapsed-minutes = { $count } min
progress = Tiempo transcurrido: { $elapsed } — suele tardar { $min }–{ $max } min
progress-overdue = Tiempo transcurrido: { $elapsed } — está tardando más de lo habitual (suele tardar { $min }–{ $max } min)

## New snapshot dialog

create-purpose = Una instantánea es un punto de restauración rápido antes de un cambio arriesgado: { $limit } por servidor, guardadas en la misma infraestructura. Para una protección a largo plazo, use copias de seguridad.
choose-server = Elija un servidor
server-note-full = { $count } / { $limit } — límite alcanzado
label-name = Nombre
name-rule = Use solo letras, dígitos, guiones (-) y guiones bajos (_), como máximo { $max } caracteres.
name-empty = El nombre es obligatorio.
name-too-long = El nombre tiene más de { $max } caracteres.
name-space = No se permiten espacios.
name-bad-char = No se permite «{ $char }».
label-description = Descripción
optional = (opcional)
char-count = { $count } / { $max } caracteres
cancel = Cancelar
create-snapshot = Crear instantánea
creating = Creando…
limit-reached-oldest = { $server } ha alcanzado el límite de { $limit } instantáneas. Elimine una primero (de la más antigua a la más reciente: { $names }).
quoted = «{ $text }»
warn-running = { $server } está en ejecución. Una instantánea de un servidor en ejecución puede dejar su sistema de archivos incoherente; para un mejor resultado, detenga primero el servidor.
warn-maybe-running = Si el servidor está en ejecución, su sistema de archivos puede quedar incoherente en la instantánea; para un mejor resultado, detenga primero el servidor.
create-server-gone = Este servidor ya no existe, así que no se creó nada. Actualice la lista.
create-refused-plain = La API rechazó la instantánea: { $error }
create-refused = { $error } No se creó nada.
create-not-created = { $error } No se creó nada (la lista no tiene esa instantánea). Puede volver a intentarlo.
create-unknown = { $error } No se sabe si la instantánea se creó: actualice la lista antes de volver a intentarlo.
toast-creating = Se está creando la instantánea «{ $snapshot }» de { $server }.

## Restore dialog

restore-title = ¿Restaurar { $server } desde «{ $snapshot }»?
restore-replaced = Todos los datos actuales de { $server } (#{ $id }) serán reemplazados
restore-replaced-by = por la instantánea «{ $snapshot }», tomada el { $taken }. Esta acción no se puede deshacer.
restore-stop-note = El servidor se detiene automáticamente antes de que empiece la restauración. Una restauración suele tardar { $min }–{ $max } minutos.
restore-wait-running = Hay una instantánea de { $server } en curso. Restaure cuando se haya completado, para no interrumpirla.
restore-safety-advice = Cree primero una instantánea de seguridad de { $server }, para poder recuperar su estado actual.
safety-take = Crear una instantánea de seguridad
safety-starting = Iniciando la instantánea…
restore-no-room = { $server } tiene { $limit } / { $limit } instantáneas, así que no hay espacio para una instantánea de seguridad.
safety-description = Instantánea de seguridad antes de restaurar desde { $snapshot }
restore-confirm-label = Para confirmar, escriba el nombre del servidor
restore-server = Restaurar servidor
restoring = Restaurando…
restore-refused = La API rechazó la restauración: el servidor no está en un estado válido para ello. { $error }
restore-snapshot-gone = Esta instantánea ya no existe, así que no se restauró nada. Actualice la lista.
restore-maybe = { $error } Puede que la restauración haya empezado o no: compruebe el estado del servidor antes de volver a intentarlo.
restore-failed = { $error } El servidor no se restauró.
safety-not-created = No se creó la instantánea de seguridad: { $error }
safety-unknown = { $error } No se sabe si se creó la instantánea de seguridad.

## Delete dialog

delete-title = ¿Eliminar la instantánea «{ $snapshot }»?
delete-warning = La instantánea «{ $snapshot }» de { $server } (#{ $id }), tomada el { $taken }, se eliminará de forma permanente.
delete-last-point = Es la última instantánea completada de { $server }: una vez eliminada, el servidor no tendrá ningún punto de restauración.
delete-maybe = { $error } Puede que la instantánea no se haya eliminado: actualice la lista para comprobarlo.
delete-failed = { $error } La instantánea no se eliminó.
delete-snapshot = Eliminar instantánea
deleting = Eliminando…

## Notices

dismiss-notice = Cerrar aviso
toast-restore-finished = La restauración de { $server } desde «{ $snapshot }» ha terminado.
toast-restore-started = { $server }: la restauración ha comenzado.
toast-deleted = Se eliminó la instantánea «{ $snapshot }».
toast-already-deleted = La instantánea «{ $snapshot }» ya se había eliminado.
toast-snapshot-complete = La instantánea «{ $snapshot }» de { $server } está completa ({ $size }).
toast-snapshot-failed = La instantánea «{ $snapshot }» de { $server } no se completó.
outcome-not-created = La instantánea «{ $snapshot }» no se creó.
outcome-not-restored = El servidor { $server } no se restauró.
outcome-not-deleted = La instantánea «{ $snapshot }» no se eliminó.
server-fallback = servidor #{ $id }

## API errors

error-unauthorized = La API rechazó el token (puede haber sido revocado o haber caducado).
error-forbidden = Este token no tiene permiso para hacer eso.
error-not-found = No encontrado: puede que ya se haya eliminado.
error-rejected = La API rechazó la solicitud.
error-rate-limited = La API está limitando las solicitudes en este momento. Espere un momento e inténtelo de nuevo.
error-server = La API tuvo un problema (HTTP { $status }). Inténtelo de nuevo en un momento.
error-network = No se pudo conectar con la API. Compruebe su conexión e inténtelo de nuevo.
error-timeout = La API no respondió a tiempo.
error-undecodable = La API envió una respuesta que esta consola no puede leer.
error-with-detail = { $generic } La API dijo: «{ $detail }»

## Delete many, undo window, make room

select-snapshot = Seleccionar { $snapshot } de { $server }
select-all-of = Seleccionar todas las instantáneas de { $server }
selection-summary =
    { $count ->
        [one] { $count } seleccionada · { $size }
       *[other] { $count } seleccionadas · { $size }
    }
delete-selected = Eliminar selección
clear-selection = Quitar selección
delete-many-title =
    { $count ->
        [one] ¿Eliminar { $count } instantánea?
       *[other] ¿Eliminar { $count } instantáneas?
    }
delete-many-lead = Estas instantáneas se eliminarán de forma permanente y se liberarán { $size }. Una instantánea eliminada no se puede restaurar.
delete-many-last-point = { $server } se quedaría sin ninguna instantánea completada: perdería su último punto de restauración.
delete-many-confirm-label = Para confirmar, escriba el número de instantáneas que se eliminarán ({ $count })
delete-many-confirm =
    { $count ->
        [one] Eliminar { $count } instantánea
       *[other] Eliminar { $count } instantáneas
    }
deleting-in = Se eliminará en { $seconds } s
undo = Deshacer
undo-aria = Deshacer la eliminación de { $snapshot } de { $server }
undo-all = Deshacer todo
pending-summary =
    { $count ->
        [one] { $count } instantánea está a la espera de eliminarse. Si sale de esta página, se cancela.
       *[other] { $count } instantáneas están a la espera de eliminarse. Si sale de esta página, se cancelan.
    }
toast-delete-undone = Se canceló la eliminación de «{ $snapshot }»: no se envió nada.
toast-deleted-many =
    { $count ->
        [one] Se eliminó { $count } instantánea.
       *[other] Se eliminaron { $count } instantáneas.
    }
toast-deletes-cancelled =
    { $count ->
        [one] Se canceló la eliminación que estaba en espera: no se envió nada.
       *[other] Se cancelaron las { $count } eliminaciones que estaban en espera: no se envió nada.
    }
delete-failures-title =
    { $count ->
        [one] { $count } instantánea no se eliminó
       *[other] { $count } instantáneas no se eliminaron
    }
delete-failure-line = «{ $snapshot }» de { $server }: { $error }
retry-failed = Reintentar las que fallaron
dismiss-failures = Descartar
outcome-delete-stopped = Eliminadas: { $deleted }. No eliminadas: { $kept }.
none-listed = ninguna
make-room-offer = Hacer espacio: eliminar primero «{ $snapshot }», la instantánea completada más antigua de { $server }, tomada el { $taken }.
make-room-none = No se puede eliminar ninguna instantánea de { $server } para hacer espacio: no tiene otra completada más antigua aparte de la última, y las que están en curso nunca se eliminan.
make-room-submit = Eliminar «{ $snapshot }» y después crear
toast-make-room-create-failed = { $old } se eliminó, pero la nueva instantánea «{ $new }» no se creó: { $error }
toast-make-room-create-unknown = { $old } se eliminó; no se sabe si la nueva instantánea «{ $new }» se creó: { $error } Actualice para comprobarlo.
toast-make-room-not-deleted = { $old } no se eliminó, así que no se creó ninguna instantánea nueva: { $error }
make-room-open = Hacer espacio…
make-room-open-aria = Hacer espacio en { $server } para una nueva instantánea

## Snapshot several servers

create-many = Instantánea de varios servidores
create-many-purpose = Una instantánea de cada servidor elegido, todas con el mismo nombre. A cada servidor se le pide una sola vez, como mucho { $max } a la vez, y nada se reintenta automáticamente.
create-many-servers = Servidores
create-many-select-room = Seleccionar todos los que tienen espacio
create-many-filter = Buscar servidores
create-many-filter-hint = Nombre, número, nombre de host o IP
create-many-filter-none = Ningún servidor coincide con «{ $query }».
create-many-select-found = Seleccionar todos los encontrados que tienen espacio
create-many-partial = Se listan { $shown } de { $total } servidores. Busque por nombre o número para acotar la lista.
create-many-list-more = Listar { $count } más
create-many-chosen =
    { $count ->
        [one] { $count } servidor elegido
       *[other] { $count } servidores elegidos
    }
create-many-no-servers = Todavía no se conoce ningún servidor. Actualice la lista y vuelva a intentarlo.
create-many-count = { $count } / { $limit }
create-many-full = Límite alcanzado: primero elimine una instantánea de este servidor.
create-many-running = En ejecución: deténgalo antes para una instantánea coherente.
create-many-confirm =
    { $count ->
        [0] Crear instantáneas de los servidores elegidos
        [one] Crear instantánea de { $count } servidor
       *[other] Crear instantáneas de { $count } servidores
    }
create-many-progress = Progreso
create-many-summary =
    { $refused ->
        [0]
            { $left ->
                [0] Creadas: { $created } de { $total }
               *[other] Creadas: { $created } de { $total }, en curso: { $left }
            }
       *[other]
            { $left ->
                [0] Creadas: { $created } de { $total }, rechazadas: { $refused }
               *[other] Creadas: { $created } de { $total }, rechazadas: { $refused }, en curso: { $left }
            }
    }
create-many-close-note = Cerrar este diálogo no detiene lo enviado: la lista muestra cada instantánea nueva.
close = Cerrar
step-waiting = En espera
step-sent = Enviada, esperando a la API
step-in-progress = En curso
step-completed = Completada ({ $size })
step-ended = Terminó con el estado «{ $status }»
step-started = Iniciada
step-not-asked = No se pidió: no se envió nada
step-no-answer = Sin respuesta: puede que se haya creado o no. Revise la lista antes de volver a intentarlo.
list-none = ninguno
batch-signed-out = El lote se detuvo. Instantánea iniciada en: { $started }. No se pidió (nada enviado): { $not_asked }. Se pidió, pero no se inició ninguna instantánea: { $failed }.

## Rollback readiness, export, keyboard shortcuts

# $ago is a relative time such as “hace 3 días”.
readiness-fresh = Último punto de restauración: { $ago }
readiness-stale =
    { $days ->
        [one] Desactualizado: último punto de restauración { $ago }, con más de { $days } día
       *[other] Desactualizado: último punto de restauración { $ago }, con más de { $days } días
    }
readiness-undated = Desactualizado: se desconoce la fecha del último punto de restauración
readiness-none = Sin punto de restauración: este servidor no tiene ninguna instantánea completada
readiness-summary =
    { $count ->
        [one] { $count } de { $total } servidores no tiene un punto de restauración de los últimos { $days } días.
       *[other] { $count } de { $total } servidores no tienen un punto de restauración de los últimos { $days } días.
    }
readiness-summary-ok = Todos los servidores tienen un punto de restauración de los últimos { $days } días.
readiness-show-missing = Mostrar solo estos servidores
readiness-filter-empty = Todos los servidores mostrados tienen un punto de restauración reciente.
export-label = Exportar la lista tal como se muestra
export-csv = Exportar CSV
export-json = Exportar JSON
export-failed = No se pudo preparar el archivo para descargarlo. Inténtelo de nuevo.
shortcuts-button = Atajos de teclado
shortcuts-title = Atajos de teclado
shortcuts-intro = Estas teclas funcionan en la lista de instantáneas, salvo mientras escribe en un campo o hay un diálogo abierto.
shortcuts-then = y luego
shortcut-new-snapshot = Nueva instantánea
shortcut-focus-search = Buscar
shortcut-refresh = Actualizar la lista
shortcut-activity = Ir a Actividad
shortcut-help = Mostrar esta lista
shortcuts-close = Cerrar

## Activity page, notifications, idle sign-out

activity-link = Actividad
activity-back-to-snapshots = Instantáneas
activity-title = Actividad en esta pestaña
activity-intro = Cada creación, restauración y eliminación que envió esta pestaña, de la más reciente a la más antigua. Se conserva hasta que cierre la sesión o la pestaña.
activity-empty = Esta pestaña aún no ha enviado ninguna creación, restauración ni eliminación.
activity-export-json = Exportar como JSON
activity-col-time = Hora
activity-col-action = Acción
activity-col-server = Servidor
activity-col-snapshot = Instantánea
activity-col-outcome = Resultado
activity-col-duration = Duración
activity-col-command = Comando
activity-create = Crear
activity-restore = Restaurar
activity-delete = Eliminar
# $status is the HTTP status code the API answered with.
activity-status = HTTP { $status }
activity-no-answer = Sin respuesta
# $ms is a whole number of milliseconds.
activity-duration = { $ms } ms
activity-copy-curl = Copiar como cURL
activity-copied = Copiado. El comando lee el token de $VPS_API_TOKEN.
activity-copy-fallback = El navegador no permitió copiar. Seleccione este comando y cópielo:
idle-warning-title = ¿Sigue ahí?
# $seconds is a whole number of seconds.
idle-warning-text = Esta pestaña lleva un rato sin usarse. Por seguridad, se cerrará la sesión en { $seconds } s.
idle-stay = Seguir conectado
idle-signed-out = Se cerró la sesión porque esta pestaña llevaba un rato sin usarse. Vuelva a iniciar sesión para continuar.
notify-me = Avisarme
notify-denied = El navegador no permite notificaciones en esta página, así que siguen desactivadas. Puede permitirlas en la configuración del sitio.
notify-unsupported = Este navegador no puede mostrar notificaciones aquí.
notify-snapshot-complete-title = Instantánea completada
notify-snapshot-failed-title = La instantánea falló
notify-restore-finished-title = Restauración terminada

## Make room when snapshotting several servers

create-many-make-room = Hacer espacio en { $server }: eliminar primero «{ $snapshot }»
create-many-room-lead =
    { $count ->
        [one] Primero se eliminará esta instantánea para hacer espacio:
       *[other] Primero se eliminarán estas { $count } instantáneas para hacer espacio:
    }
create-many-room-item = { $server }: «{ $snapshot }», tomada el { $taken }
create-many-room-warning =
    { $seconds ->
        [0] Primero se envían las eliminaciones, en cuanto confirme; una vez enviadas, no se pueden deshacer. Cada uno de estos servidores recibe su nueva instantánea solo si su eliminación se completó.
       *[other] Primero van las eliminaciones y, una vez enviadas, no se pueden deshacer. Esperan { $seconds } s, durante los cuales Deshacer en una instantánea cancela su eliminación y la nueva instantánea de ese servidor. Cada uno de estos servidores recibe su nueva instantánea solo si su eliminación se completó.
    }
step-making-room = Haciendo espacio: primero se elimina «{ $snapshot }»; la nueva instantánea espera a que termine
step-room-undone = Cancelada: se deshizo la eliminación de «{ $snapshot }», así que no se creó ninguna instantánea nueva
step-room-not-deleted = No se creó: la instantánea antigua «{ $snapshot }» no se eliminó. { $error }
step-room-create-failed = La instantánea antigua «{ $snapshot }» ya no existe y la nueva no se creó: { $error }
step-room-create-unknown = La instantánea antigua «{ $snapshot }» ya no existe; no se sabe si la nueva se creó: { $error } Revise la lista antes de volver a intentarlo.
step-room-not-asked = No se pidió: no se creó ninguna instantánea nueva, y la antigua «{ $snapshot }» ya se había eliminado
batch-signed-out-room = El lote se detuvo. Instantánea iniciada en: { $started }. No se pidió (nada enviado): { $not_asked }. Se pidió, pero no se inició ninguna instantánea: { $failed }. Instantánea antigua eliminada para hacer espacio, pero sin instantánea nueva: { $room_gone }.

## Session safety: a new portal token, leaving the page with deletes waiting

portal-session-ended = El portal entregó un token nuevo, así que primero se cerró la sesión anterior: no se enviará nada de lo que tenía en espera.
toast-deletes-not-sent-left =
    { $count ->
        [one] Salió de esta página mientras una eliminación estaba en espera, así que se canceló: no se envió nada. Vuelva a eliminar la instantánea si todavía quiere borrarla.
       *[other] Salió de esta página mientras { $count } eliminaciones estaban en espera, así que se cancelaron: no se envió nada. Vuelva a eliminar las instantáneas si todavía quiere borrarlas.
    }

## Caracteres ocultos en los nombres

# $name es un nombre de la API, con cada carácter oculto escrito como <U+…>.
hidden-chars-server = El nombre del servidor { $name } contiene caracteres ocultos que pueden cambiar cómo se lee. Aquí cada uno aparece escrito como <U+…>, su punto de código Unicode.
hidden-chars-snapshot = El nombre de la instantánea { $name } contiene caracteres ocultos que pueden cambiar cómo se lee. Aquí cada uno aparece escrito como <U+…>, su punto de código Unicode.
restore-confirm-label-written = Para confirmar, escriba el nombre del servidor tal como aparece escrito aquí, con cada <U+…> incluido
hidden-chars-short = su nombre contiene caracteres ocultos

## A server being restored is locked

server-locked-restoring = { $server } se está restaurando. Hasta que termine la restauración, no puede crear una nueva instantánea de este servidor, restaurarlo ni eliminar sus instantáneas.
restore-source-badge = Restaurando desde esta instantánea
server-note-restoring = restaurándose
create-many-restoring = Se está restaurando: podrá elegirlo cuando termine la restauración.
toast-selection-dropped-restoring =
    { $count ->
        [one] Las instantáneas de { $servers } se quitaron de su selección: ese servidor se está restaurando. No se eliminó nada.
       *[other] Las instantáneas de { $servers } se quitaron de su selección: esos servidores se están restaurando. No se eliminó nada.
    }
error-server-restoring = No se envió: el servidor se está restaurando. Inténtelo de nuevo cuando termine la restauración.

## Undo windows, make room bound to its snapshot, statuses

undo-window-one =
    { $seconds ->
        [0] La eliminación se envía en cuanto confirme y no se puede deshacer.
       *[other] La eliminación se envía { $seconds } s después de confirmar; hasta entonces puede deshacerla. Una vez enviada, no se puede deshacer.
    }
undo-window-many =
    { $seconds ->
        [0] Las eliminaciones se envían en cuanto confirme y no se pueden deshacer.
       *[other] Las eliminaciones se envían { $seconds } s después de confirmar; hasta entonces puede deshacerlas. Una vez enviadas, no se pueden deshacer.
    }
make-room-follows =
    { $seconds ->
        [0] Después se crea una nueva instantánea de { $server }, solo si la eliminación se completó.
       *[other] Después se crea una nueva instantánea de { $server }, solo si la eliminación se completó. Deshacer cancela ambas cosas.
    }
deleting-in-then-create = Se eliminará en { $seconds } s y después se creará una nueva instantánea de { $server }
deleting-then-create = Eliminando; después se creará una nueva instantánea de { $server }…
make-room-changed = La lista cambió mientras este diálogo estaba abierto: ahora la instantánea de { $server } que se eliminaría es «{ $new }», no «{ $old }». Se anuló su confirmación; revise y vuelva a confirmar.
status-failed = Fallida
restore-note-failed = No se puede restaurar (estado: fallida).
server-state-stopped = detenido
server-state-suspended = suspendido
server-state-restoring = en restauración

## Security review: the API's address and its next-page links

config-base-not-https = config.json: api_base_url debe usar https://, porque cada solicitud lleva el token de la API y http:// lo enviaría sin cifrar (http:// solo se acepta para localhost y 127.0.0.1), no «{ $value }».
error-next-page-refused = La lista se detuvo antes del final: la API dio «{ $next }» como dirección de su página siguiente, que no es la lista de esta API. El token de la API no se envía a ningún otro sitio, así que no se pidió el resto.

## Search and sort: servers found by name, number, hostname or IP; the server sort

label-server-sort = Ordenar servidores
server-sort-readiness = Restauración, peor primero
server-sort-count = Más instantáneas primero
server-sort-size = Mayor tamaño total primero
server-sort-newest = Instantánea más reciente primero
list-shown = Mostrando { $servers } y { $snapshots }.
count-servers =
    { $count ->
        [one] { $count } servidor
       *[other] { $count } servidores
    }
count-snapshots =
    { $count ->
        [one] { $count } instantánea
       *[other] { $count } instantáneas
    }

## The server page (…/servers/{id})

server-page-title = { $server } — { page-title }
server-page-back = Volver a la lista
server-page-details = Detalles
server-page-hostname = Nombre de host
server-page-ip = Dirección IP
server-page-status = Estado
server-page-location = Ubicación
server-page-plan = Plan
server-page-os = Sistema operativo
server-page-created = Creado
server-page-plan-value = { $plan } · { $vcpus } vCPU · { $memory } de RAM · { $storage } de disco
server-page-not-given = No indicado
server-page-forbidden = Este token no puede leer la API de servidores: no se muestran el nombre de host, la dirección IP, la ubicación, el plan, el sistema operativo ni la fecha de creación. Las instantáneas de abajo vienen de la lista de instantáneas.
server-page-failed = No se pudieron leer los detalles del servidor: { $reason } Las instantáneas de abajo vienen de la lista de instantáneas.
server-page-activity = Enviado desde esta pestaña
server-page-activity-empty = Esta pestaña no ha enviado ninguna creación, restauración ni eliminación para este servidor.
server-page-loading = Cargando el servidor…
server-page-unknown = No hay ningún servidor #{ $id }
server-page-unknown-hint = Esta cuenta no tiene ningún servidor con ese número, o este token no puede verlo.

# The server pickers (ui/combobox): how many options the typed text finds, said politely.
combobox-found =
    { $count ->
        [0] Ninguna coincidencia
        [one] { $count } coincidencia
       *[other] { $count } coincidencias
    }

## A big account loading behind its first screen (store/load.rs)

list-progress = Cargadas { $loaded } de { $total } instantáneas. La búsqueda y el filtro de servidor abarcan lo cargado hasta ahora, y el resumen de preparación solo los servidores mostrados; los demás se añaden debajo cuando termine la carga, y el orden puede cambiar entonces.
list-progress-done = Cargadas las { $total } instantáneas. La búsqueda, el filtro de servidor y el resumen de preparación ya las abarcan todas.
list-progress-label = Instantáneas cargadas
search-partial = Buscando solo en lo cargado hasta ahora: { $loaded } de { $total } instantáneas cargadas…
search-complete = Se buscó en las { $total } instantáneas.
server-still-loading = Las instantáneas de este servidor aún se están cargando: solo se muestran las leídas hasta ahora, y no admite una instantánea nueva hasta leerlas todas.

## Phone-sized screens, notices, times (issue 27)
more-tools = Más
toasts-more = +{ $count } más
toast-details = Detalles
time-zone-label = Horas en
time-zone-local = Hora local
time-zone-utc = UTC
activity-export-csv = Exportar como CSV
