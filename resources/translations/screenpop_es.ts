<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong inside Screenpop; it keeps running. Details are in the log.</source>
        <translation>Algo falló dentro de Screenpop; sigue funcionando. Los detalles están en la bitácora.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear the recent lookups</source>
        <translation>Borrar las búsquedas recientes</translation>
    </message>
    <message>
        <source>Lookups of this session appear here.</source>
        <translation>Aquí aparecen las búsquedas de esta sesión.</translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation>Búsquedas recientes</translation>
    </message>
</context>
<context>
    <name>LeadView</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Dirección, línea 2</translation>
    </message>
    <message>
        <source>Address line 3</source>
        <translation>Dirección, línea 3</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Todos los campos</translation>
    </message>
    <message>
        <source>Alternate phone</source>
        <translation>Teléfono alterno</translation>
    </message>
    <message>
        <source>Assigned user</source>
        <translation>Usuario asignado</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Click to copy</source>
        <translation>Haga clic para copiar</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Copy {label}</source>
        <translation>Copiar {label}</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Campos personalizados</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Customer status unknown</source>
        <translation>Estatus de cliente desconocido</translation>
    </message>
    <message>
        <source>Customer status: {status}</source>
        <translation>Estatus de cliente: {status}</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Fields the dialer sent that Screenpop does not know; shown as received.</source>
        <translation>Campos que envió el marcador y que Screenpop no conoce; se muestran tal como llegaron.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Lead ID</source>
        <translation>ID de registro</translation>
    </message>
    <message>
        <source>Lead {value}</source>
        <translation>Registro {value}</translation>
    </message>
    <message>
        <source>List ID</source>
        <translation>ID de lista</translation>
    </message>
    <message>
        <source>List {value}</source>
        <translation>Lista {value}</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Middle initial</source>
        <translation>Segunda inicial</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Otros campos</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospecto</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincia</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>Status {value}</source>
        <translation>Estatus {value}</translation>
    </message>
    <message>
        <source>This list has no custom fields.</source>
        <translation>Esta lista no tiene campos personalizados.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Unnamed lead</source>
        <translation>Registro sin nombre</translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation>{date} ({age} años)</translation>
    </message>
    <message>
        <source>{mark} {date} (implausible)</source>
        <translation>{mark} {date} (improbable)</translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <source>Calls arriving until then are shown but not looked up; press Enter to look one up anyway.</source>
        <translation>Las llamadas que lleguen hasta entonces se muestran, pero no se buscan; presione Enter para buscar una de todos modos.</translation>
    </message>
    <message>
        <source>Unexpected error while looking up {what}; details are in the log.</source>
        <translation>Error inesperado al buscar {what}; los detalles están en la bitácora.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>A link arrived that is far too long to be a phone number; it was not looked up.</source>
        <translation>Llegó un enlace demasiado largo para ser un número de teléfono; no se buscó.</translation>
    </message>
    <message>
        <source>A phone number in any format, a tel: link, or a lead ID.
The caller&apos;s record from the dialer appears here. Ctrl+L jumps to the input.</source>
        <translation>Un número de teléfono en cualquier formato, un enlace tel: o un ID de registro.
Aquí aparece el registro de quien llama según el marcador. Ctrl+L va a la búsqueda.</translation>
    </message>
    <message>
        <source>Caller&apos;s record</source>
        <translation>Registro de quien llama</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Copiar todo</translation>
    </message>
    <message>
        <source>Copy all fields</source>
        <translation>Copiar todos los campos</translation>
    </message>
    <message>
        <source>Dialer server, user and password ({shortcut})</source>
        <translation>Servidor, usuario y contraseña del marcador ({shortcut})</translation>
    </message>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Cerrar el mensaje</translation>
    </message>
    <message>
        <source>Hide empty fields</source>
        <translation>Ocultar campos vacíos</translation>
    </message>
    <message>
        <source>Keep this window above other windows</source>
        <translation>Mantener esta ventana encima de las demás</translation>
    </message>
    <message>
        <source>Lead &amp;ID</source>
        <translation>&amp;ID de registro</translation>
    </message>
    <message>
        <source>Lead ID, e.g. 14246</source>
        <translation>ID de registro, p. ej. 14246</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Look up (Enter)</source>
        <translation>Buscar (Enter)</translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <source>Look up by lead ID</source>
        <translation>Buscar por ID de registro</translation>
    </message>
    <message>
        <source>Look up by phone number</source>
        <translation>Buscar por número de teléfono</translation>
    </message>
    <message>
        <source>Look up by phone number or tel: link</source>
        <translation>Buscar por número de teléfono o enlace tel:</translation>
    </message>
    <message>
        <source>Look up by the dialer&apos;s lead ID</source>
        <translation>Buscar por el ID de registro del marcador</translation>
    </message>
    <message>
        <source>Look up the clipboard</source>
        <translation>Buscar desde el portapapeles</translation>
    </message>
    <message>
        <source>Looking up</source>
        <translation>Buscando</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Number or lead ID to look up</source>
        <translation>Número o ID de registro a buscar</translation>
    </message>
    <message>
        <source>Open in web</source>
        <translation>Abrir en la web</translation>
    </message>
    <message>
        <source>Open this record in the dialer&apos;s web page</source>
        <translation>Abrir este registro en la página web del marcador</translation>
    </message>
    <message>
        <source>Phone number, tel: link or lead ID</source>
        <translation>Número de teléfono, enlace tel: o ID de registro</translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation>Búsquedas recientes</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Screenpop</source>
        <translation>Screenpop</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Stay on top</source>
        <translation>Siempre visible</translation>
    </message>
    <message>
        <source>The clipboard holds far too much text to be a phone number.</source>
        <translation>El portapapeles contiene demasiado texto para ser un número de teléfono.</translation>
    </message>
    <message>
        <source>The clipboard holds no number to look up.</source>
        <translation>El portapapeles no contiene ningún número para buscar.</translation>
    </message>
    <message>
        <source>The record below is from an earlier lookup (lead {lead}).</source>
        <translation>El registro de abajo es de una búsqueda anterior (registro {lead}).</translation>
    </message>
    <message>
        <source>The web page could not be opened.</source>
        <translation>No se pudo abrir la página web.</translation>
    </message>
    <message>
        <source>Type a number and press Enter</source>
        <translation>Escriba un número y presione Enter</translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <source>{arrived} → not searched</source>
        <translation>{arrived} → no se buscó</translation>
    </message>
    <message>
        <source>{arrived} → searched {searched}</source>
        <translation>{arrived} → se buscó {searched}</translation>
    </message>
    <message>
        <source>{arrived} → searching {searched}…</source>
        <translation>{arrived} → buscando {searched}…</translation>
    </message>
    <message>
        <source>{arrived} → waiting to search {searched}…</source>
        <translation>{arrived} → en espera para buscar {searched}…</translation>
    </message>
    <message>
        <source>{number} ext. {extension}</source>
        <translation>{number} ext. {extension}</translation>
    </message>
    <message>
        <source>{searched} · as of {time}, from recent lookups (F5 looks it up again)</source>
        <translation>{searched} · datos de las {time}, de búsquedas recientes (F5 vuelve a buscar)</translation>
    </message>
</context>
<context>
    <name>PopNotifier</name>
    <message>
        <source>Screenpop</source>
        <translation>Screenpop</translation>
    </message>
    <message>
        <source>Unnamed lead</source>
        <translation>Registro sin nombre</translation>
    </message>
    <message>
        <source>{number}: {outcome}</source>
        <translation>{number}: {outcome}</translation>
    </message>
    <message>
        <source>{status} · {number}</source>
        <translation>{status} · {number}</translation>
    </message>
</context>
<context>
    <name>RecentLookupsModel</name>
    <message>
        <source>Caller</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Lead {lead}</source>
        <translation>Registro {lead}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospecto</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apariencia:</translation>
    </message>
    <message>
        <source>&amp;Dialer</source>
        <translation>&amp;Marcador</translation>
    </message>
    <message>
        <source>&amp;Forget password</source>
        <translation>&amp;Borrar contraseña</translation>
    </message>
    <message>
        <source>&amp;Keep the window above other windows</source>
        <translation>Mantener la ventana &amp;encima de las demás</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Reply format:</source>
        <translation>&amp;Formato de respuesta:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Save the recent lookups on this computer</source>
        <translation>G&amp;uardar las búsquedas recientes en este equipo</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Probar co&amp;nexión</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Web link:</source>
        <translation>Enlace &amp;web:</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a country code Screenpop knows.</source>
        <translation>&apos;{code}&apos; no es un código de país que Screenpop conozca.</translation>
    </message>
    <message>
        <source>A new language shows when Screenpop starts again.</source>
        <translation>El nuevo idioma se verá cuando Screenpop se vuelva a iniciar.</translation>
    </message>
    <message>
        <source>Address Screenpop will use</source>
        <translation>Dirección que usará Screenpop</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Bring Screenpop to the front</source>
        <translation>Traer Screenpop al frente</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>Paquete de C&amp;A:</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>Archivo del paquete de CA</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Calls still pop up while the window is hidden. Quit from the tray icon&apos;s menu. Where the desktop shows no tray icons, closing quits.</source>
        <translation>Las llamadas siguen apareciendo mientras la ventana está oculta. Para salir, use el menú del icono de la bandeja. Si el escritorio no muestra iconos en la bandeja, al cerrar la ventana se sale.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Certificates of extra authorities to trust, on top of this computer&apos;s own, for a company network whose proxy re-signs secure connections. Leave empty unless your IT department gives you such a file.</source>
        <translation>Certificados de autoridades adicionales en las que confiar, además de las de este equipo, para una red empresarial cuyo proxy vuelve a firmar las conexiones seguras. Déjelo vacío a menos que su departamento de TI le dé un archivo así.</translation>
    </message>
    <message>
        <source>Choose the CA bundle</source>
        <translation>Elegir el paquete de CA</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>Elegir el archivo del paquete de CA</translation>
    </message>
    <message>
        <source>Closing the window keeps Screenpop running in the &amp;tray</source>
        <translation>Al cerrar la ventana, Screenpop sigue abierto en la &amp;bandeja</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>Tiempo de espera de conexión en segundos</translation>
    </message>
    <message>
        <source>Connection and login OK</source>
        <translation>Conexión e inicio de sesión correctos</translation>
    </message>
    <message>
        <source>DOMAIN, e.g. acme, or https://dialer.example.com</source>
        <translation>DOMINIO, p. ej. acme, o https://dialer.example.com</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Default &amp;country:</source>
        <translation>&amp;País predeterminado:</translation>
    </message>
    <message>
        <source>Default country code</source>
        <translation>Código de país predeterminado</translation>
    </message>
    <message>
        <source>Dialer</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Enter a two-letter country code, such as US or PL.</source>
        <translation>Ingrese un código de país de dos letras, como MX o US.</translation>
    </message>
    <message>
        <source>Enter a two-letter country code.</source>
        <translation>Ingrese un código de país de dos letras.</translation>
    </message>
    <message>
        <source>Enter the password to test the connection.</source>
        <translation>Ingrese la contraseña para probar la conexión.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Ingrese la contraseña.</translation>
    </message>
    <message>
        <source>Enter your dialer user name.</source>
        <translation>Ingrese su nombre de usuario del marcador.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>GET</source>
        <translation>GET</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Log in once with these settings, without looking anything up</source>
        <translation>Iniciar sesión una vez con esta configuración, sin buscar nada</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Aspecto</translation>
    </message>
    <message>
        <source>Only the time, the number or lead ID, the name, the customer flag and the outcome are saved, never the record. Unticked, they are kept until Screenpop closes, and a saved list is deleted.</source>
        <translation>Solo se guardan la hora, el número o ID de registro, el nombre, la marca de cliente y el resultado, nunca el registro. Sin marcar, se conservan hasta que se cierra Screenpop, y se borra la lista guardada.</translation>
    </message>
    <message>
        <source>Open in web</source>
        <translation>Abrir en la web</translation>
    </message>
    <message>
        <source>Optional, e.g. https://acme.croco-dial.net/app/leads/{lead_id}</source>
        <translation>Opcional, p. ej. https://acme.croco-dial.net/app/leads/{lead_id}</translation>
    </message>
    <message>
        <source>Optional: a PEM file, for company networks</source>
        <translation>Opcional: archivo PEM de su empresa</translation>
    </message>
    <message>
        <source>POST (recommended)</source>
        <translation>POST (recomendado)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Números de teléfono</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation>Tiempo de espera de lectura en segundos</translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation>Búsquedas recientes</translation>
    </message>
    <message>
        <source>Remove the saved password from this computer</source>
        <translation>Eliminar de este equipo la contraseña guardada</translation>
    </message>
    <message>
        <source>Reply format</source>
        <translation>Formato de respuesta</translation>
    </message>
    <message>
        <source>Request &amp;method:</source>
        <translation>Mé&amp;todo de solicitud:</translation>
    </message>
    <message>
        <source>Request method</source>
        <translation>Método de solicitud</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Requests go to {endpoint}</source>
        <translation>Las solicitudes van a {endpoint}</translation>
    </message>
    <message>
        <source>Screenpop Settings</source>
        <translation>Configuración de Screenpop</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Show Screenpop, but keep the keyboard where it is</source>
        <translation>Mostrar Screenpop, sin quitar el foco del teclado</translation>
    </message>
    <message>
        <source>Stay in the tray and show a notification</source>
        <translation>Quedarse en la bandeja y mostrar una notificación</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Resultado de la prueba</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Probando</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Probando la conexión…</translation>
    </message>
    <message>
        <source>The address the &quot;Open in web&quot; button opens for the record shown. Fields in braces, such as {lead_id} or {phone_number}, are replaced by the record&apos;s values. Leave empty to hide the button.</source>
        <translation>La dirección que abre el botón &quot;Abrir en la web&quot; para el registro mostrado. Los campos entre llaves, como {lead_id} o {phone_number}, se reemplazan por los valores del registro. Déjelo vacío para ocultar el botón.</translation>
    </message>
    <message>
        <source>The saved password was removed.</source>
        <translation>Se eliminó la contraseña guardada.</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>The test failed unexpectedly; details are in the log.</source>
        <translation>La prueba falló inesperadamente; los detalles están en la bitácora.</translation>
    </message>
    <message>
        <source>Timeouts:</source>
        <translation>Tiempos de espera:</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Total time limit in seconds</source>
        <translation>Tiempo límite total en segundos</translation>
    </message>
    <message>
        <source>Two-letter code of the country assumed for numbers without a country code</source>
        <translation>Código de dos letras del país que se supone para los números sin código de país</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Warning about GET</source>
        <translation>Advertencia sobre GET</translation>
    </message>
    <message>
        <source>Web link template</source>
        <translation>Plantilla del enlace web</translation>
    </message>
    <message>
        <source>When a call &amp;pops up:</source>
        <translation>Al &amp;recibir una llamada:</translation>
    </message>
    <message>
        <source>When a call pops up</source>
        <translation>Al recibir una llamada</translation>
    </message>
    <message>
        <source>Win&amp;dow</source>
        <translation>&amp;Ventana</translation>
    </message>
    <message>
        <source>With GET the password becomes part of the web address, so it ends up in the dialer&apos;s access logs, in proxy logs and in any history of visited addresses. Use POST unless your dialer refuses it.</source>
        <translation>Con GET, la contraseña pasa a formar parte de la dirección web, así que queda en las bitácoras de acceso del marcador, en las del proxy y en cualquier historial de direcciones visitadas. Use POST a menos que su marcador lo rechace.</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Your croco-dial DOMAIN (acme for acme.croco-dial.net) or the full address.</source>
        <translation>Su DOMINIO de croco-dial (acme para acme.croco-dial.net) o la dirección completa.</translation>
    </message>
    <message>
        <source>Your croco-dial DOMAIN or the full address of your GOautodial server</source>
        <translation>Su DOMINIO de croco-dial o la dirección completa de su servidor GOautodial</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Clear recent lookups</source>
        <translation>Borrar búsquedas recientes</translation>
    </message>
    <message>
        <source>Look up the number on the clipboard</source>
        <translation>Buscar el número del portapapeles</translation>
    </message>
    <message>
        <source>No lookups yet</source>
        <translation>Aún no hay búsquedas</translation>
    </message>
    <message>
        <source>Quit Screenpop</source>
        <translation>Salir de Screenpop</translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation>Búsquedas recientes</translation>
    </message>
    <message>
        <source>Screenpop</source>
        <translation>Screenpop</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Show Screenpop</source>
        <translation>Mostrar Screenpop</translation>
    </message>
</context>
<context>
    <name>VicidialStatus</name>
    <message>
        <source>Agent Error</source>
        <translation>Error del agente</translation>
    </message>
    <message>
        <source>Agent Not Available</source>
        <translation>Agente no disponible</translation>
    </message>
    <message>
        <source>Agent Not Available IN</source>
        <translation>Agente no disponible (entrante)</translation>
    </message>
    <message>
        <source>Answering Machine</source>
        <translation>Contestadora</translation>
    </message>
    <message>
        <source>Answering Machine Auto</source>
        <translation>Contestadora (detección automática)</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Busy Auto</source>
        <translation>Ocupado (detección automática)</translation>
    </message>
    <message>
        <source>Call Back</source>
        <translation>Volver a llamar</translation>
    </message>
    <message>
        <source>Call Back Hold</source>
        <translation>Volver a llamar (en espera)</translation>
    </message>
    <message>
        <source>Call Picked Up</source>
        <translation>Llamada contestada</translation>
    </message>
    <message>
        <source>Call Transferred</source>
        <translation>Llamada transferida</translation>
    </message>
    <message>
        <source>DO NOT CALL</source>
        <translation>NO LLAMAR</translation>
    </message>
    <message>
        <source>DO NOT CALL Hopper Camp Match</source>
        <translation>NO LLAMAR (coincide con la lista de la campaña)</translation>
    </message>
    <message>
        <source>DO NOT CALL Hopper Sys Match</source>
        <translation>NO LLAMAR (coincide con la lista del sistema)</translation>
    </message>
    <message>
        <source>Declined Sale</source>
        <translation>Venta rechazada</translation>
    </message>
    <message>
        <source>Disconnected Number</source>
        <translation>Número desconectado</translation>
    </message>
    <message>
        <source>Disconnected Number Auto</source>
        <translation>Número desconectado (detección automática)</translation>
    </message>
    <message>
        <source>Fax Machine Auto</source>
        <translation>Fax (detección automática)</translation>
    </message>
    <message>
        <source>Inbound After Hours Drop</source>
        <translation>Entrante descartada: fuera de horario</translation>
    </message>
    <message>
        <source>Inbound No Agent No Queue Drop</source>
        <translation>Entrante descartada: sin agentes ni cola</translation>
    </message>
    <message>
        <source>Inbound Queue Timeout Drop</source>
        <translation>Entrante descartada: tiempo de espera en cola agotado</translation>
    </message>
    <message>
        <source>Lead Being Called</source>
        <translation>Registro en llamada</translation>
    </message>
    <message>
        <source>Lead To Be Called</source>
        <translation>Registro por llamar</translation>
    </message>
    <message>
        <source>New Lead</source>
        <translation>Registro nuevo</translation>
    </message>
    <message>
        <source>No Answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>No Answer AutoDial</source>
        <translation>Sin respuesta (marcación automática)</translation>
    </message>
    <message>
        <source>No Pitch No Price</source>
        <translation>Sin presentación ni precio</translation>
    </message>
    <message>
        <source>Not Interested</source>
        <translation>No interesado</translation>
    </message>
    <message>
        <source>Outbound Local Channel Res Err</source>
        <translation>Saliente: error al reservar el canal local</translation>
    </message>
    <message>
        <source>Outbound Pre-Routing Drop</source>
        <translation>Saliente descartada antes del enrutamiento</translation>
    </message>
    <message>
        <source>Outbound drop to Call Menu</source>
        <translation>Saliente descartada al menú de llamadas</translation>
    </message>
    <message>
        <source>Played Message</source>
        <translation>Mensaje reproducido</translation>
    </message>
    <message>
        <source>Queue Abandon Voicemail Left</source>
        <translation>Abandonó la cola y dejó mensaje de voz</translation>
    </message>
    <message>
        <source>Re-Queue</source>
        <translation>Devuelta a la cola</translation>
    </message>
    <message>
        <source>Sale Made</source>
        <translation>Venta realizada</translation>
    </message>
    <message>
        <source>Survey Hungup</source>
        <translation>Encuesta: colgó</translation>
    </message>
    <message>
        <source>Survey sent to Call Menu</source>
        <translation>Encuesta: enviada al menú de llamadas</translation>
    </message>
    <message>
        <source>Survey sent to Extension</source>
        <translation>Encuesta: enviada a extensión</translation>
    </message>
    <message>
        <source>Survey sent to Record</source>
        <translation>Encuesta: enviada a grabación</translation>
    </message>
    <message>
        <source>Survey sent to Voicemail</source>
        <translation>Encuesta: enviada al buzón de voz</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo mode: these settings apply until Screenpop closes; nothing was saved.</source>
        <translation>Modo de demostración: esta configuración se aplica hasta que se cierre Screenpop; no se guardó nada.</translation>
    </message>
    <message>
        <source>Demo server · user {user}</source>
        <translation>Servidor de demostración · usuario {user}</translation>
    </message>
    <message>
        <source>Given at start; kept in memory until Screenpop closes</source>
        <translation>Proporcionada al iniciar; se conserva en memoria hasta que se cierre Screenpop</translation>
    </message>
    <message>
        <source>Kept in memory until Screenpop closes</source>
        <translation>Se conserva en memoria hasta que se cierre Screenpop</translation>
    </message>
    <message>
        <source>Loading the saved password for user &apos;{user}&apos;…</source>
        <translation>Cargando la contraseña guardada del usuario &apos;{user}&apos;…</translation>
    </message>
    <message>
        <source>No dialer configured</source>
        <translation>No hay marcador configurado</translation>
    </message>
    <message>
        <source>No dialer is configured yet. Enter your dialer&apos;s server, user and password in Settings, or start with --demo to try Screenpop.</source>
        <translation>Todavía no hay ningún marcador configurado. Ingrese el servidor, el usuario y la contraseña de su marcador en Configuración, o inicie con --demo para probar Screenpop.</translation>
    </message>
    <message>
        <source>No dialer user is set. Enter it in Settings.</source>
        <translation>No se ha definido el usuario del marcador. Ingréselo en Configuración.</translation>
    </message>
    <message>
        <source>No password is saved for user &apos;{user}&apos;. Enter it in Settings.</source>
        <translation>No hay ninguna contraseña guardada para el usuario &apos;{user}&apos;. Ingrésela en Configuración.</translation>
    </message>
    <message>
        <source>No password was given for user &apos;{user}&apos;. Start Screenpop with --password-stdin to give it.</source>
        <translation>No se proporcionó ninguna contraseña para el usuario &apos;{user}&apos;. Inicie Screenpop con --password-stdin para proporcionarla.</translation>
    </message>
    <message>
        <source>No password was given for user &apos;{user}&apos;; looking for one saved on this computer…</source>
        <translation>No se proporcionó ninguna contraseña para el usuario &apos;{user}&apos;; buscando una guardada en este equipo…</translation>
    </message>
    <message>
        <source>Saved in the system keyring</source>
        <translation>Guardada en el llavero del sistema</translation>
    </message>
    <message>
        <source>Server {host}</source>
        <translation>Servidor {host}</translation>
    </message>
    <message>
        <source>Server {host} · user {user}</source>
        <translation>Servidor {host} · usuario {user}</translation>
    </message>
    <message>
        <source>The demo account&apos;s password</source>
        <translation>La contraseña de la cuenta de demostración</translation>
    </message>
    <message>
        <source>The dialer rejected the password. Enter it again; nothing is sent until you save.</source>
        <translation>El marcador rechazó la contraseña. Ingrésela de nuevo; no se envía nada hasta que guarde.</translation>
    </message>
    <message>
        <source>The password could not be saved on this computer; it is kept in memory until Screenpop closes.</source>
        <translation>No se pudo guardar la contraseña en este equipo; se conserva en memoria hasta que se cierre Screenpop.</translation>
    </message>
    <message>
        <source>The saved password could not be removed.</source>
        <translation>No se pudo eliminar la contraseña guardada.</translation>
    </message>
    <message>
        <source>Welcome to Screenpop. Enter your dialer&apos;s server, your user name and your password.</source>
        <translation>Le damos la bienvenida a Screenpop. Ingrese el servidor de su marcador, su nombre de usuario y su contraseña.</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>The saved &apos;{name}&apos; ({value}) is not one of {allowed}.</source>
        <translation>El valor guardado de &apos;{name}&apos; ({value}) no es ninguno de estos: {allowed}.</translation>
    </message>
    <message>
        <source>The saved &apos;{name}&apos; is not text; it was ignored.</source>
        <translation>El valor guardado de &apos;{name}&apos; no es texto; se ignoró.</translation>
    </message>
    <message>
        <source>The saved &apos;{name}&apos; is not true or false; it was ignored.</source>
        <translation>El valor guardado de &apos;{name}&apos; no es verdadero ni falso; se ignoró.</translation>
    </message>
    <message>
        <source>The saved connect timeout ({value}) is out of range.</source>
        <translation>El tiempo de espera de conexión guardado ({value}) está fuera de rango.</translation>
    </message>
    <message>
        <source>The saved read timeout ({value}) is out of range.</source>
        <translation>El tiempo de espera de lectura guardado ({value}) está fuera de rango.</translation>
    </message>
    <message>
        <source>The saved timeouts are unreadable; defaults are used.</source>
        <translation>No se pueden leer los tiempos de espera guardados; se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The saved total timeout ({value}) is out of range.</source>
        <translation>El tiempo límite total guardado ({value}) está fuera de rango.</translation>
    </message>
    <message>
        <source>The saved {name} ({value}) is out of range.</source>
        <translation>El valor guardado de {name} ({value}) está fuera de rango.</translation>
    </message>
    <message>
        <source>The settings could not be saved to {path} ({reason}).</source>
        <translation>No se pudo guardar la configuración en {path} ({reason}).</translation>
    </message>
    <message>
        <source>The settings file could not be read ({reason}).</source>
        <translation>No se pudo leer el archivo de configuración ({reason}).</translation>
    </message>
    <message>
        <source>The settings file does not hold settings; defaults are used.</source>
        <translation>El archivo de configuración no contiene una configuración; se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The settings file is damaged; please enter the settings again.</source>
        <translation>El archivo de configuración está dañado; ingrese la configuración de nuevo.</translation>
    </message>
    <message>
        <source>{problem} The saved web link was ignored.</source>
        <translation>{problem} Se ignoró el enlace web guardado.</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>The system keyring is available again, and the password that was kept in memory is now saved in it.</source>
        <translation>El llavero del sistema vuelve a estar disponible, y la contraseña que se conservaba en memoria ya está guardada en él.</translation>
    </message>
    <message>
        <source>no system keyring is available</source>
        <translation>no hay ningún llavero del sistema disponible</translation>
    </message>
    <message>
        <source>no system keyring is available (no Secret Service on D-Bus)</source>
        <translation>no hay ningún llavero del sistema disponible (no hay Secret Service en D-Bus)</translation>
    </message>
    <message>
        <source>the Secret Service on D-Bus failed ({name})</source>
        <translation>falló el Secret Service de D-Bus ({name})</translation>
    </message>
    <message>
        <source>the configured keyring ({name}) is not a secure system keyring</source>
        <translation>el llavero configurado ({name}) no es un llavero del sistema seguro</translation>
    </message>
    <message>
        <source>the keyring package cannot be loaded ({name})</source>
        <translation>no se puede cargar el paquete keyring ({name})</translation>
    </message>
    <message>
        <source>the request was given up</source>
        <translation>se abandonó la solicitud</translation>
    </message>
    <message>
        <source>the system keyring could not be opened</source>
        <translation>no se pudo abrir el llavero del sistema</translation>
    </message>
    <message>
        <source>the system keyring could not be reached ({name})</source>
        <translation>no se pudo acceder al llavero del sistema ({name})</translation>
    </message>
    <message>
        <source>the system keyring could not be used ({name})</source>
        <translation>no se pudo usar el llavero del sistema ({name})</translation>
    </message>
    <message>
        <source>the system keyring did not answer within {seconds} seconds</source>
        <translation>el llavero del sistema no respondió en {seconds} segundos</translation>
    </message>
    <message>
        <source>the system keyring failed</source>
        <translation>falló el llavero del sistema</translation>
    </message>
    <message>
        <source>the system keyring is busy with an earlier request</source>
        <translation>el llavero del sistema está ocupado con una solicitud anterior</translation>
    </message>
    <message>
        <source>the system keyring is locked</source>
        <translation>el llavero del sistema está bloqueado</translation>
    </message>
    <message>
        <source>the system keyring is turned off (keyring is set to its null backend)</source>
        <translation>el llavero del sistema está desactivado (keyring está configurado con su backend nulo)</translation>
    </message>
    <message>
        <source>the system keyring refused to remove the password</source>
        <translation>el llavero del sistema se negó a eliminar la contraseña</translation>
    </message>
    <message>
        <source>the system keyring refused to save the password</source>
        <translation>el llavero del sistema se negó a guardar la contraseña</translation>
    </message>
    <message>
        <source>the system keyring reported an error ({name})</source>
        <translation>el llavero del sistema informó un error ({name})</translation>
    </message>
    <message>
        <source>{reason}, so a password saved in it could not be removed yet (Screenpop tries again while it keeps running).</source>
        <translation>{reason}, por lo que aún no se pudo eliminar la contraseña guardada en él (Screenpop lo vuelve a intentar mientras siga abierto).</translation>
    </message>
    <message>
        <source>{reason}, so the password is kept in memory for this session only.</source>
        <translation>{reason}, por lo que la contraseña se conserva en memoria solo durante esta sesión.</translation>
    </message>
</context>
<context>
    <name>endpoint</name>
    <message>
        <source>&apos;{address}&apos; has no host name.</source>
        <translation>&apos;{address}&apos; no tiene nombre de host.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a valid server address.</source>
        <translation>&apos;{address}&apos; no es una dirección de servidor válida.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the server address.</source>
        <translation>No incluya un nombre de usuario ni una contraseña en la dirección del servidor.</translation>
    </message>
    <message>
        <source>No server is set. Enter your dialer&apos;s DOMAIN or its address.</source>
        <translation>No se ha definido ningún servidor. Ingrese el DOMINIO de su marcador o su dirección.</translation>
    </message>
    <message>
        <source>Plain http:// would send the password unencrypted; use https:// (http is only allowed for this computer, e.g. the demo server).</source>
        <translation>Con http:// simple, la contraseña se enviaría sin cifrar; use https:// (http solo se permite para este equipo, p. ej. el servidor de demostración).</translation>
    </message>
    <message>
        <source>The server address must not contain &apos;?&apos; or &apos;#&apos; parts.</source>
        <translation>La dirección del servidor no debe contener partes con &apos;?&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (not {scheme}://).</source>
        <translation>La dirección del servidor debe comenzar con https:// (no con {scheme}://).</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Could not connect to {host}: {detail}.</source>
        <translation>No se pudo conectar con {host}: {detail}.</translation>
    </message>
    <message>
        <source>No lead found for {what}.</source>
        <translation>No se encontró ningún registro para {what}.</translation>
    </message>
    <message>
        <source>The dialer answered with an error page ({status}).</source>
        <translation>El marcador respondió con una página de error ({status}).</translation>
    </message>
    <message>
        <source>The dialer did not answer within {seconds} second.</source>
        <translation>El marcador no respondió en {seconds} segundo.</translation>
    </message>
    <message>
        <source>The dialer did not answer within {seconds} seconds.</source>
        <translation>El marcador no respondió en {seconds} segundos.</translation>
    </message>
    <message>
        <source>The dialer has locked this account after too many failed logins. Try again after {until}; Screenpop will not retry by itself.</source>
        <translation>El marcador bloqueó esta cuenta tras demasiados inicios de sesión fallidos. Vuelva a intentarlo después de las {until}; Screenpop no lo reintentará por sí solo.</translation>
    </message>
    <message>
        <source>The dialer refused the request: {message}{end}</source>
        <translation>El marcador rechazó la solicitud: {message}{end}</translation>
    </message>
    <message>
        <source>The dialer rejected the user name or password. Check them in Settings (Screenpop does not retry a rejected login by itself).</source>
        <translation>El marcador rechazó el nombre de usuario o la contraseña. Revíselos en Configuración (Screenpop no reintenta por sí solo un inicio de sesión rechazado).</translation>
    </message>
    <message>
        <source>The dialer says no valid phone number or lead ID was given.</source>
        <translation>El marcador indica que no se proporcionó un número de teléfono ni un ID de registro válido.</translation>
    </message>
    <message>
        <source>The dialer&apos;s reply could not be read: {detail}.</source>
        <translation>No se pudo leer la respuesta del marcador: {detail}.</translation>
    </message>
    <message>
        <source>The dialer&apos;s reply is not a customer record: {detail}.</source>
        <translation>La respuesta del marcador no es un registro de cliente: {detail}.</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed: {detail}.</source>
        <translation>Falló la conexión segura con {host}: {detail}.</translation>
    </message>
    <message>
        <source>The server name &apos;{host}&apos; could not be found. Check the server address and the network connection.</source>
        <translation>No se encontró el nombre de servidor &apos;{host}&apos;. Revise la dirección del servidor y la conexión de red.</translation>
    </message>
    <message>
        <source>The server redirected the request to {host}. Screenpop does not follow redirects with your password; check the server address in Settings.</source>
        <translation>El servidor redirigió la solicitud a {host}. Screenpop no sigue redirecciones con su contraseña; revise la dirección del servidor en Configuración.</translation>
    </message>
    <message>
        <source>The server redirected the request. Screenpop does not follow redirects with your password; check the server address in Settings.</source>
        <translation>El servidor redirigió la solicitud. Screenpop no sigue redirecciones con su contraseña; revise la dirección del servidor en Configuración.</translation>
    </message>
    <message>
        <source>The server sent a web page instead of an API reply. Check the server address, or whether a network login page is in the way.</source>
        <translation>El servidor envió una página web en lugar de una respuesta de la API. Revise la dirección del servidor o si hay de por medio una página de inicio de sesión de la red.</translation>
    </message>
    <message>
        <source>User &apos;{user}&apos; may not use the dialer&apos;s agent API. Ask the dialer administrator to allow API access for this user.</source>
        <translation>El usuario &apos;{user}&apos; no tiene permiso para usar la API de agente del marcador. Pida al administrador del marcador que habilite el acceso a la API para este usuario.</translation>
    </message>
</context>
<context>
    <name>goapi</name>
    <message>
        <source>Enter a phone number or a lead ID to look up.</source>
        <translation>Ingrese un número de teléfono o un ID de registro para buscar.</translation>
    </message>
    <message>
        <source>The CA bundle file {path} could not be read ({reason}).</source>
        <translation>No se pudo leer el archivo del paquete de CA {path} ({reason}).</translation>
    </message>
    <message>
        <source>The CA bundle file {path} does not exist.</source>
        <translation>El archivo del paquete de CA {path} no existe.</translation>
    </message>
    <message>
        <source>The CA bundle file {path} holds no usable PEM certificates.</source>
        <translation>El archivo del paquete de CA {path} no contiene certificados PEM utilizables.</translation>
    </message>
    <message>
        <source>The CA bundle {path} is a folder; choose a PEM file of certificates.</source>
        <translation>El paquete de CA {path} es una carpeta; elija un archivo PEM de certificados.</translation>
    </message>
    <message>
        <source>The lead ID must contain digits only.</source>
        <translation>El ID de registro solo debe contener dígitos.</translation>
    </message>
    <message>
        <source>The phone number must contain digits only.</source>
        <translation>El número de teléfono solo debe contener dígitos.</translation>
    </message>
    <message>
        <source>an unknown method</source>
        <translation>un método desconocido</translation>
    </message>
    <message>
        <source>it is compressed more than once, which is refused</source>
        <translation>está comprimida más de una vez, lo cual se rechaza</translation>
    </message>
    <message>
        <source>it is compressed with {method}, which Screenpop did not ask for</source>
        <translation>está comprimida con {method}, que Screenpop no solicitó</translation>
    </message>
    <message>
        <source>it is not a readable file</source>
        <translation>no es un archivo legible</translation>
    </message>
    <message>
        <source>its compressed content is corrupt</source>
        <translation>su contenido comprimido está dañado</translation>
    </message>
    <message>
        <source>lead ID {lead_id}</source>
        <translation>el ID de registro {lead_id}</translation>
    </message>
    <message>
        <source>phone number {phone}</source>
        <translation>el número de teléfono {phone}</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>falló la negociación TLS</translation>
    </message>
    <message>
        <source>the address is not an http(s) URL</source>
        <translation>la dirección no es una URL http(s)</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>falló la conexión</translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation>se perdió la conexión</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>se rechazó la conexión</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>se restableció la conexión</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>no se puede acceder a la red</translation>
    </message>
    <message>
        <source>the proxy refused the connection</source>
        <translation>el proxy rechazó la conexión</translation>
    </message>
    <message>
        <source>the reply is larger than {size}</source>
        <translation>la respuesta ocupa más de {size}</translation>
    </message>
    <message>
        <source>the reply is larger than {size} once decompressed</source>
        <translation>la respuesta ocupa más de {size} una vez descomprimida</translation>
    </message>
    <message>
        <source>the request failed</source>
        <translation>falló la solicitud</translation>
    </message>
    <message>
        <source>the server and Screenpop have no TLS settings in common</source>
        <translation>el servidor y Screenpop no tienen ninguna configuración TLS en común</translation>
    </message>
    <message>
        <source>the server broke off the reply</source>
        <translation>el servidor interrumpió la respuesta</translation>
    </message>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation>el servidor cerró la conexión durante la negociación TLS</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>el servidor cerró la conexión sin responder</translation>
    </message>
    <message>
        <source>the server does not speak https on this port</source>
        <translation>el servidor no usa https en este puerto</translation>
    </message>
    <message>
        <source>the server only offers an outdated TLS version</source>
        <translation>el servidor solo ofrece una versión obsoleta de TLS</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not valid HTTP</source>
        <translation>la respuesta del servidor no es HTTP válido</translation>
    </message>
    <message>
        <source>the server&apos;s certificate chain ends in a self-signed certificate that is not trusted</source>
        <translation>la cadena de certificados del servidor termina en un certificado autofirmado que no es de confianza</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has been revoked</source>
        <translation>el certificado del servidor fue revocado</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired</source>
        <translation>el certificado del servidor expiró</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted ({reason})</source>
        <translation>el certificado del servidor no es de confianza ({reason})</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted: it was issued by a certificate authority this computer does not trust (on a company network, set its CA bundle in Settings)</source>
        <translation>el certificado del servidor no es de confianza: lo emitió una autoridad de certificación en la que este equipo no confía (en una red empresarial, indique su paquete de CA en Configuración)</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid for the name {host} (it names other servers)</source>
        <translation>el certificado del servidor no es válido para el nombre {host} (corresponde a otros servidores)</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid yet (check this computer&apos;s clock)</source>
        <translation>el certificado del servidor todavía no es válido (revise el reloj de este equipo)</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is self-signed and not trusted</source>
        <translation>el certificado del servidor es autofirmado y no es de confianza</translation>
    </message>
    <message>
        <source>the test</source>
        <translation>la prueba</translation>
    </message>
</context>
<context>
    <name>intake</name>
    <message>
        <source>&apos;{scheme}:&apos; links are not phone numbers; use tel:, callto: or sip:.</source>
        <translation>Los enlaces &apos;{scheme}:&apos; no son números de teléfono; use tel:, callto: o sip:.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has too many digits to be a phone number.</source>
        <translation>&apos;{text}&apos; tiene demasiados dígitos para ser un número de teléfono.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a lead ID: a lead ID is digits only.</source>
        <translation>&apos;{text}&apos; no es un ID de registro: un ID de registro solo tiene dígitos.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a phone number: use digits, spaces and - . ( ) +.</source>
        <translation>&apos;{text}&apos; no es un número de teléfono: use dígitos, espacios y - . ( ) +.</translation>
    </message>
    <message>
        <source>Enter a lead ID to look up.</source>
        <translation>Ingrese un ID de registro para buscar.</translation>
    </message>
    <message>
        <source>Enter a phone number or a lead ID to look up.</source>
        <translation>Ingrese un número de teléfono o un ID de registro para buscar.</translation>
    </message>
    <message>
        <source>Lead {lead_id}</source>
        <translation>Registro {lead_id}</translation>
    </message>
    <message>
        <source>That is far too long to be a phone number or link.</source>
        <translation>Es demasiado largo para ser un número de teléfono o un enlace.</translation>
    </message>
    <message>
        <source>That lead ID is too long to be real.</source>
        <translation>Ese ID de registro es demasiado largo para ser real.</translation>
    </message>
    <message>
        <source>The {scheme}: link holds no phone number.</source>
        <translation>El enlace {scheme}: no contiene ningún número de teléfono.</translation>
    </message>
    <message>
        <source>lead ID {lead_id}</source>
        <translation>el ID de registro {lead_id}</translation>
    </message>
</context>
<context>
    <name>replies</name>
    <message>
        <source>&apos;{name}&apos; is {kind}</source>
        <translation>&apos;{name}&apos; es {kind}</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>expected an object, got {kind}</source>
        <translation>se esperaba un objeto y se recibió {kind}</translation>
    </message>
    <message>
        <source>invalid JSON at character {position}</source>
        <translation>JSON no válido en el carácter {position}</translation>
    </message>
    <message>
        <source>invalid XML ({problem})</source>
        <translation>XML no válido ({problem})</translation>
    </message>
    <message>
        <source>it has no &apos;{name}&apos;</source>
        <translation>no tiene &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>it holds a value JSON does not allow (a number thousands of digits long)</source>
        <translation>contiene un valor que JSON no permite (un número de miles de dígitos)</translation>
    </message>
    <message>
        <source>it holds a value JSON does not allow ({name} is not JSON)</source>
        <translation>contiene un valor que JSON no permite ({name} no es JSON)</translation>
    </message>
    <message>
        <source>it is neither JSON nor XML</source>
        <translation>no es JSON ni XML</translation>
    </message>
    <message>
        <source>it reports an error without a message</source>
        <translation>informa un error sin mensaje</translation>
    </message>
    <message>
        <source>null</source>
        <translation>nulo</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>el JSON tiene demasiados niveles de anidación</translation>
    </message>
    <message>
        <source>the XML holds a document type or entities, refused</source>
        <translation>el XML contiene un tipo de documento o entidades, lo cual se rechaza</translation>
    </message>
    <message>
        <source>the lead has no {name}</source>
        <translation>el registro no tiene {name}</translation>
    </message>
    <message>
        <source>the reply was cut off</source>
        <translation>la respuesta llegó cortada</translation>
    </message>
    <message>
        <source>the reply was empty</source>
        <translation>la respuesta llegó vacía</translation>
    </message>
    <message>
        <source>the server printed PHP errors instead of a reply</source>
        <translation>el servidor mostró errores de PHP en lugar de una respuesta</translation>
    </message>
</context>
<context>
    <name>weblink</name>
    <message>
        <source>The web link template has an unmatched brace; write a literal brace as {open} or {close}.</source>
        <translation>La plantilla del enlace web tiene una llave sin pareja; escriba una llave literal como {open} o {close}.</translation>
    </message>
    <message>
        <source>The web link template is too long.</source>
        <translation>La plantilla del enlace web es demasiado larga.</translation>
    </message>
    <message>
        <source>The web link template must start with https:// (or http://).</source>
        <translation>La plantilla del enlace web debe comenzar con https:// (o http://).</translation>
    </message>
    <message>
        <source>The web link template names unknown fields: {fields}. Use lead field names such as {first}, {second} or {third}.</source>
        <translation>La plantilla del enlace web menciona campos desconocidos: {fields}. Use nombres de campos del registro, como {first}, {second} o {third}.</translation>
    </message>
    <message>
        <source>The web link template needs at least one field in braces, e.g. {example}.</source>
        <translation>La plantilla del enlace web necesita al menos un campo entre llaves, p. ej. {example}.</translation>
    </message>
    <message>
        <source>The web link template&apos;s placeholder {placeholder} has a format; use the bare field name, e.g. {example}.</source>
        <translation>El campo {placeholder} de la plantilla del enlace web tiene un formato; use solo el nombre del campo, p. ej. {example}.</translation>
    </message>
</context>
</TS>
