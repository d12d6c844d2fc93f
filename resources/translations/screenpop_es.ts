<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong inside Screenpop; it keeps running. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the recent lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookups of this session appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadView</name>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternate phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer status unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields the dialer sent that Screenpop does not know; shown as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list has no custom fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} {date} (implausible)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <source>Calls arriving until then are shown but not looked up; press Enter to look one up anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error while looking up {what}; details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link arrived that is far too long to be a phone number; it was not looked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number in any format, a tel: link, or a lead ID.
The caller&apos;s record from the dialer appears here. Ctrl+L jumps to the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialer server, user and password ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide empty fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this window above other windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead ID, e.g. 14246</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Look up (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up by lead ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up by phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up by phone number or tel: link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up by the dialer&apos;s lead ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number or lead ID to look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this record in the dialer&apos;s web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number, tel: link or lead ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenpop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Stay on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds far too much text to be a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no number to look up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record below is from an earlier lookup (lead {lead}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web page could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{arrived} → not searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{arrived} → searched {searched}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{arrived} → searching {searched}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{arrived} → waiting to search {searched}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} ext. {extension}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{searched} · as of {time}, from recent lookups (F5 looks it up again)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PopNotifier</name>
    <message>
        <source>Screenpop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} · {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentLookupsModel</name>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead {lead}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dialer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the window above other windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the recent lookups on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a country code Screenpop knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language shows when Screenpop starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address Screenpop will use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring Screenpop to the front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls still pop up while the window is hidden. Quit from the tray icon&apos;s menu. Where the desktop shows no tray icons, closing quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates of extra authorities to trust, on top of this computer&apos;s own, for a company network whose proxy re-signs secure connections. Leave empty unless your IT department gives you such a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps Screenpop running in the &amp;tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection and login OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOMAIN, e.g. acme, or https://dialer.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a two-letter country code, such as US or PL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a two-letter country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your dialer user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in once with these settings, without looking anything up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the time, the number or lead ID, the name, the customer flag and the outcome are saved, never the record. Unticked, they are kept until Screenpop closes, and a saved list is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, e.g. https://acme.croco-dial.net/app/leads/{lead_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: a PEM file, for company networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the saved password from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests go to {endpoint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenpop Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Screenpop, but keep the keyboard where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay in the tray and show a notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address the &quot;Open in web&quot; button opens for the record shown. Fields in braces, such as {lead_id} or {phone_number}, are replaced by the record&apos;s values. Leave empty to hide the button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved password was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test failed unexpectedly; details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time limit in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-letter code of the country assumed for numbers without a country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning about GET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web link template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a call &amp;pops up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a call pops up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win&amp;dow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With GET the password becomes part of the web address, so it ends up in the dialer&apos;s access logs, in proxy logs and in any history of visited addresses. Use POST unless your dialer refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your croco-dial DOMAIN (acme for acme.croco-dial.net) or the full address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your croco-dial DOMAIN or the full address of your GOautodial server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Clear recent lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up the number on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lookups yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Screenpop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenpop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished">Configuración…</translation>
    </message>
    <message>
        <source>Show Screenpop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VicidialStatus</name>
    <message>
        <source>Agent Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent Not Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent Not Available IN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering Machine Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call Back Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call Picked Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DO NOT CALL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DO NOT CALL Hopper Camp Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DO NOT CALL Hopper Sys Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected Number Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fax Machine Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound After Hours Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound No Agent No Queue Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound Queue Timeout Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead Being Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead To Be Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Answer AutoDial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Pitch No Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound Local Channel Res Err</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound Pre-Routing Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound drop to Call Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Played Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue Abandon Voicemail Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey Hungup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey sent to Call Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey sent to Extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey sent to Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey sent to Voicemail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo mode: these settings apply until Screenpop closes; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo server · user {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given at start; kept in memory until Screenpop closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory until Screenpop closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the saved password for user &apos;{user}&apos;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dialer configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dialer is configured yet. Enter your dialer&apos;s server, user and password in Settings, or start with --demo to try Screenpop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dialer user is set. Enter it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is saved for user &apos;{user}&apos;. Enter it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password was given for user &apos;{user}&apos;. Start Screenpop with --password-stdin to give it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password was given for user &apos;{user}&apos;; looking for one saved on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server {host} · user {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo account&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer rejected the password. Enter it again; nothing is sent until you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be saved on this computer; it is kept in memory until Screenpop closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved password could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Screenpop. Enter your dialer&apos;s server, your user name and your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>The saved &apos;{name}&apos; ({value}) is not one of {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved &apos;{name}&apos; is not text; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved &apos;{name}&apos; is not true or false; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved connect timeout ({value}) is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved read timeout ({value}) is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved timeouts are unreadable; defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved total timeout ({value}) is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved {name} ({value}) is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved to {path} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file could not be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file does not hold settings; defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file is damaged; please enter the settings again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} The saved web link was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>The system keyring is available again, and the password that was kept in memory is now saved in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no system keyring is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no system keyring is available (no Secret Service on D-Bus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Secret Service on D-Bus failed ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configured keyring ({name}) is not a secure system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring package cannot be loaded ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request was given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring could not be reached ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring could not be used ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring did not answer within {seconds} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring is busy with an earlier request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring is turned off (keyring is set to its null backend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring refused to remove the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring refused to save the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring reported an error ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}, so a password saved in it could not be removed yet (Screenpop tries again while it keeps running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}, so the password is kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>endpoint</name>
    <message>
        <source>&apos;{address}&apos; has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a valid server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put a user name or password in the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server is set. Enter your dialer&apos;s DOMAIN or its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// would send the password unencrypted; use https:// (http is only allowed for this computer, e.g. the demo server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must not contain &apos;?&apos; or &apos;#&apos; parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with https:// (not {scheme}://).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Could not connect to {host}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead found for {what}.</source>
        <translation>No se encontró ningún registro para {what}.</translation>
    </message>
    <message>
        <source>The dialer answered with an error page ({status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer did not answer within {seconds} second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer did not answer within {seconds} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer has locked this account after too many failed logins. Try again after {until}; Screenpop will not retry by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer refused the request: {message}{end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer rejected the user name or password. Check them in Settings (Screenpop does not retry a rejected login by itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer says no valid phone number or lead ID was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer&apos;s reply could not be read: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialer&apos;s reply is not a customer record: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to {host} failed: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name &apos;{host}&apos; could not be found. Check the server address and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the request to {host}. Screenpop does not follow redirects with your password; check the server address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the request. Screenpop does not follow redirects with your password; check the server address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a web page instead of an API reply. Check the server address, or whether a network login page is in the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &apos;{user}&apos; may not use the dialer&apos;s agent API. Ask the dialer administrator to allow API access for this user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>goapi</name>
    <message>
        <source>Enter a phone number or a lead ID to look up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA bundle file {path} could not be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA bundle file {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA bundle file {path} holds no usable PEM certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA bundle {path} is a folder; choose a PEM file of certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead ID must contain digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number must contain digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is compressed more than once, which is refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is compressed with {method}, which Screenpop did not ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a readable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its compressed content is corrupt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead ID {lead_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number {phone}</source>
        <translation>el número de teléfono {phone}</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is not an http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is larger than {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is larger than {size} once decompressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server and Screenpop have no TLS settings in common</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server broke off the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not speak https on this port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server only offers an outdated TLS version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer is not valid HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate chain ends in a self-signed certificate that is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate has been revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted: it was issued by a certificate authority this computer does not trust (on a company network, set its CA bundle in Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid for the name {host} (it names other servers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid yet (check this computer&apos;s clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is self-signed and not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>intake</name>
    <message>
        <source>&apos;{scheme}:&apos; links are not phone numbers; use tel:, callto: or sip:.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has too many digits to be a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a lead ID: a lead ID is digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a phone number: use digits, spaces and - . ( ) +.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a lead ID to look up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number or a lead ID to look up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead {lead_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is far too long to be a phone number or link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That lead ID is too long to be real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {scheme}: link holds no phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead ID {lead_id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>replies</name>
    <message>
        <source>&apos;{name}&apos; is {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at character {position}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid XML ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds a value JSON does not allow (a number thousands of digits long)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds a value JSON does not allow ({name} is not JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is neither JSON nor XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it reports an error without a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the XML holds a document type or entities, refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lead has no {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply was cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply was empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server printed PHP errors instead of a reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weblink</name>
    <message>
        <source>The web link template has an unmatched brace; write a literal brace as {open} or {close}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web link template is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web link template must start with https:// (or http://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web link template names unknown fields: {fields}. Use lead field names such as {first}, {second} or {third}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web link template needs at least one field in braces, e.g. {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web link template&apos;s placeholder {placeholder} has a format; use the bare field name, e.g. {example}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
