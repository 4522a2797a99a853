<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>ApiKeysModel</name>
    <message>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in the current rate-limit window (counted by the server; it restarts every %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not counted: the server counts requests only while the key has a rate limit. See Last used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in the current rate-limit window; keys without a rate limit are not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Nimi</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">Tila</translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished">Luotu</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished">Päättyy</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiKeysPage</name>
    <message>
        <source>All service users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter loaded keys by name, owner, prefix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished">Muokkaa…</translation>
    </message>
    <message>
        <source>Edit the selected key (F2, Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished">Yritä uudelleen</translation>
    </message>
    <message>
        <source>Sign in to manage API keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled %1: it is refused until enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the key &lt;b&gt;%1&lt;/b&gt; (%2…) of &lt;b&gt;%3&lt;/b&gt;? Every client using it is refused from now on; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished">API-avaimet</translation>
    </message>
</context>
<context>
    <name>ChannelComposer</name>
    <message>
        <source>{&quot;action&quot;: &quot;whoami&quot;}   — Ctrl+Enter sends, Ctrl+Up/Down walks the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whoami</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscribe sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved messages for this channel URL: pick one to load it into the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the composer&apos;s message under a name, for this channel URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected saved message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember sent messages (Ctrl+Up/Down) for each channel URL. A message containing your key or session is never kept. Unticking erases the stored history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: not JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent; not kept in the history (it contains your credential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the message contains your credential, and saved messages are stored in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved messages (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a JSON message in the composer first, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for this message (saved for %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: give it a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelInspectorPage</name>
    <message>
        <source>+ New channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelLogModel</name>
    <message>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired with message #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelTab</name>
    <message>
        <source>connected as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the channel: HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the channel (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Your session may have ended: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The key is unknown, expired, disabled or rate-limited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed (%1%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the channel because the credential was revoked (%1). It will not reconnect with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel was closed: the server sent a message larger than %1 MiB (1009).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As me (Bearer session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As a service key (paste)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As a service key (environment variable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store this key in the system keychain for this channel URL (never in the settings file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the key remembered in the keychain for this channel URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask whoami on connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send {&quot;action&quot;:&quot;whoami&quot;} when the channel opens and show the answer (remembered per URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect with exponential backoff and jitter when the connection drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key (memory only unless remembered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable name, e.g. SVC_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter messages (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the view; capture continues (bounded by the cap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole log (NDJSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered view (NDJSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> msgs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see it formatted, with its paired request or reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first, or connect as a service key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the key from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key to connect with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable %1 is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished">(ei mitään)</translation>
    </message>
    <message>
        <source>Your session belongs to %1 and is never sent to another host. Connect to %2 with a service key, or sign in to that server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As me (not offered for another host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the key from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key remembered for this channel is no longer in the keychain: paste it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain (%1) is unavailable: %2. Paste the key; it is kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain (%1) is unavailable: %2. The key is kept in memory only, for this tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the key from the keychain (%1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for this channel was removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as me (Bearer session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as a service key (x-api-key, pasted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as a service key (x-api-key from $%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · asking the server who that is…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export filtered view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NDJSON (*.ndjson *.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 messages to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · latency %2 · in %3 · out %4 · showing %5 of %6 kept (cap %7)%8%9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 oldest dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · view paused (%1 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateServiceUserDialog</name>
    <message>
        <source>New service user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service users have no password and never sign in; they own API keys.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceApprovalPage</name>
    <message>
        <source>Approve a device sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another client (for example &lt;code&gt;pikku login&lt;/code&gt; on a laptop) shows a code. Pick it from the list or type it, look it up to see who is asking, then approve or deny.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for approval&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking a row only fills in the code below. Nothing is approved until you have compared it with the code on the device you are signing in, and confirmed. Anyone can start a sign-in and send you their code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABCD-EFGH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requesting device shows exactly this code, and I started that sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device is waiting for approval. When someone runs &lt;code&gt;pikku login&lt;/code&gt;, their request shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer waiting: it was approved or denied elsewhere, or it expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the devices waiting for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending codes cannot be listed: %1

You can still type a code below; looking it up and approving it use better-auth&apos;s own endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to see the devices waiting for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is rate-limiting the list of pending codes (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the pending device codes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked from the list. Before you approve, check that the device you are signing in shows &lt;b&gt;%1&lt;/b&gt;. A listed code can belong to anyone&apos;s device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ended. Sign in again; the code you entered is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code was already approved or denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such code. Check it against the requesting device (codes are 8 characters, the dash is optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code has expired. Ask the device to start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another account has already claimed this code; only it can approve or deny.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: approving a code signs that device in as you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requesting device shows exactly %1, and I started that sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden: another account claimed this code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code was claimed by another signed-in account. Only that account can approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none requested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Approving signs that device in as you (%1)&lt;/b&gt;, with your admin rights, for the session&apos;s lifetime. Only approve a code you started yourself: a code someone sends you is a common phishing trick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not approve %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not deny %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1: that device is now signed in as you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending device codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceCodesModel</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished">(ei mitään)</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare this code with the one the requesting device shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditKeyDialog</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2…) of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by the server (a disabled key is refused until enabled again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep: never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 14d, 36h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server allows lifetimes from %1 to %2, counted from now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata is disabled on this server (the API Key plugin&apos;s enableMetadata is off); it cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only stable ids belong in metadata (host, region, ticket); it is readable by anyone who can list keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> uses left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the key a name (1 to 32 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry: &quot;%1&quot; is not a duration (for example 14d, 36h or 90m).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry: the server allows %1 to %2; %3 is outside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit: &quot;%1&quot; is not a time window (for example 1h, 1d or 60s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses: the console API cannot remove a use limit once set; set a larger number instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue; what you changed is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished">Kirjaudu uudelleen</translation>
    </message>
    <message>
        <source>Signed in again. Press Save to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests allowed per window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyFieldEditors</name>
    <message>
        <source>Resource &quot;%1&quot; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata keys must be non-empty and unique.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyValueEditor</name>
    <message>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveConnectionsPanel</name>
    <message>
        <source>Live channel connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Live channel connections&lt;/b&gt; — updated by pushed events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live channel refused (HTTP %1): connections are not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live channel unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live channel closed: the server ended this console&apos;s session (%1). Sign in again to see connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live channel closed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live channel lost; reconnecting in %1 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the live channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pikku Admin</source>
        <translation>Pikku Admin</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sivut</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Päätyökalurivi</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Teema</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Järjestelmän</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Vaalea</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Tumma</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Järjestelmän kieli</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation>&amp;English (englanti)</translation>
    </message>
    <message>
        <source>&amp;Suomi (Finnish)</source>
        <translation>&amp;Suomi</translation>
    </message>
    <message>
        <source> Server: </source>
        <translation> Palvelin: </translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Palvelin</translation>
    </message>
    <message>
        <source>Add server…</source>
        <translation>Lisää palvelin…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Remove this server from the console and forget its saved sign-in</source>
        <translation>Poista tämä palvelin konsolista ja unohda sen tallennettu kirjautuminen</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Kirjaudu…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Poista palvelin</translation>
    </message>
    <message>
        <source>&lt;p&gt;Remove &lt;b&gt;%1&lt;/b&gt; from this console?&lt;/p&gt;&lt;p&gt;Its settings are deleted and &lt;b&gt;its saved sign-in is forgotten&lt;/b&gt; (the keychain entry is removed). %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Poistetaanko &lt;b&gt;%1&lt;/b&gt; tästä konsolista?&lt;/p&gt;&lt;p&gt;Sen asetukset poistetaan ja &lt;b&gt;sen tallennettu kirjautuminen unohdetaan&lt;/b&gt; (avainnipun merkintä poistetaan). %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>You are signed in there: the session is signed out on the server first.</source>
        <translation>Olet kirjautuneena sinne: istunto kirjataan ensin ulos palvelimella.</translation>
    </message>
    <message>
        <source>A session saved for it is signed out on the server first.</source>
        <translation>Sille tallennettu istunto kirjataan ensin ulos palvelimella.</translation>
    </message>
    <message>
        <source>Removed %1, but its keychain entry could not be removed: %2</source>
        <translation>%1 poistettiin, mutta sen avainnipun merkintää ei voitu poistaa: %2</translation>
    </message>
    <message>
        <source>Removed %1 and forgot its sign-in, but the server could not be told (%2); the session may stay valid there until it expires.</source>
        <translation>%1 poistettiin ja sen kirjautuminen unohdettiin, mutta palvelimelle ei saatu tietoa (%2); istunto voi olla siellä voimassa, kunnes se vanhenee.</translation>
    </message>
    <message>
        <source>Removed %1; signed out on the server and its saved sign-in is forgotten.</source>
        <translation>%1 poistettiin; kirjauduttiin ulos palvelimelta ja tallennettu kirjautuminen unohdettiin.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 poistettiin.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Yleiskatsaus</translation>
    </message>
    <message>
        <source>Service users</source>
        <translation>Palvelukäyttäjät</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-avaimet</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Istunnot</translation>
    </message>
    <message>
        <source>Device approvals</source>
        <translation>Laitehyväksynnät</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanavat</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Kirjauduttu käyttäjänä %1.</translation>
    </message>
    <message>
        <source>Your session ends %1. Sign in again to keep working without interruption.</source>
        <translation>Istuntosi päättyy %1. Kirjaudu uudelleen, niin työ jatkuu keskeytyksettä.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Kirjaudu uudelleen</translation>
    </message>
    <message>
        <source>The server no longer accepts this session. Sign in again to continue; nothing you entered is lost.</source>
        <translation>Palvelin ei enää hyväksy tätä istuntoa. Kirjaudu uudelleen jatkaaksesi; mitään syöttämääsi ei menetetä.</translation>
    </message>
    <message>
        <source>Sign-in won&apos;t be remembered: the system keychain is not available (%1).</source>
        <translation>Kirjautumista ei muisteta: järjestelmän avainnippu ei ole käytettävissä (%1).</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s colours</source>
        <translation>Seuraa työpöydän värejä</translation>
    </message>
    <message>
        <source>The language changes the next time Pikku Admin starts.</source>
        <translation>Kieli vaihtuu, kun Pikku Admin käynnistetään seuraavan kerran.</translation>
    </message>
    <message>
        <source>Looking for better-auth on %1…</source>
        <translation>Etsitään better-authia palvelimelta %1…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>Checking the saved session for %1…</source>
        <translation>Tarkistetaan palvelimen %1 tallennettua istuntoa…</translation>
    </message>
    <message>
        <source>Your saved session for %1 has ended on the server (revoked or expired).</source>
        <translation>Tallennettu istuntosi palvelimella %1 on päättynyt (peruttu tai vanhentunut).</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Kirjaudu</translation>
    </message>
    <message>
        <source>Could not check the saved session: %1</source>
        <translation>Tallennettua istuntoa ei voitu tarkistaa: %1</translation>
    </message>
    <message>
        <source>Sign out of %1? The session is revoked on the server and removed from the keychain.</source>
        <translation>Kirjaudutaanko ulos palvelimelta %1? Istunto perutaan palvelimella ja poistetaan avainnipusta.</translation>
    </message>
    <message>
        <source>Signed out; the session is revoked on the server.</source>
        <translation>Kirjauduttu ulos; istunto on peruttu palvelimella.</translation>
    </message>
    <message>
        <source>Signed out here, but the server could not be told (%1). The session may stay valid on the server until it expires.</source>
        <translation>Kirjauduttu ulos täällä, mutta palvelimelle ei saatu tietoa (%1). Istunto voi olla palvelimella voimassa, kunnes se vanhenee.</translation>
    </message>
    <message>
        <source>The server session is revoked, but the keychain entry could not be removed: %1</source>
        <translation>Palvelimen istunto on peruttu, mutta avainnipun merkintää ei voitu poistaa: %1</translation>
    </message>
    <message>
        <source>The session is valid.</source>
        <translation>Istunto on voimassa.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Kirjaudu uudelleen…</translation>
    </message>
    <message>
        <source>The session of %1 on %2 has ended · sign in again (Ctrl+L)</source>
        <translation>Käyttäjän %1 istunto palvelimella %2 on päättynyt · kirjaudu uudelleen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2 · session ends %3%4</source>
        <translation>Kirjauduttu käyttäjänä %1 palvelimelle %2 · istunto päättyy %3%4</translation>
    </message>
    <message>
        <source> · not remembered (no keychain)</source>
        <translation> · ei muisteta (ei avainnippua)</translation>
    </message>
    <message>
        <source>Not signed in · %1</source>
        <translation>Ei kirjauduttu · %1</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Sulje viesti</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>The server is rate-limiting requests; try again in %1 s.</source>
        <translation>Palvelin rajoittaa pyyntöjä; yritä uudelleen %1 s kuluttua.</translation>
    </message>
    <message>
        <source>The server is rate-limiting requests; you can try again now.</source>
        <translation>Palvelin rajoittaa pyyntöjä; voit yrittää nyt uudelleen.</translation>
    </message>
</context>
<context>
    <name>MintKeyDialog</name>
    <message>
        <source>Mint an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner (service user):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. backup-ws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpires in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;etadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only stable ids belong in metadata (host, region, ticket); it is readable by anyone who can list keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. svc_</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;refix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ate limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mint key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the service user that will own the key (create one on the Service users page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the key a name (1 to 32 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s default rate limit is %1 requests per %2: every request and every channel connect with this key counts, and a machine key used more often is blocked. Choose Off or Custom for a service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata is disabled on this server; it will be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s minimum key lifetime is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s maximum key lifetime is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server for the key&apos;s reply again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue; what you typed is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished">Kirjaudu uudelleen</translation>
    </message>
    <message>
        <source>Signed in again. Press Mint to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reply was lost (%1). The key may have been created without its secret reaching you; looking for it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was lost and the key list could not be read (%1). Check the keys page for a key named %2 and revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was lost, and no key named %1 was created since the request left: nothing was minted. Press Mint to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was lost after the server created: %1. The server kept its reply: ask for it again to get the secret (nothing new is minted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was lost after the server created: %1. Its secret cannot be recovered: revoke it on the keys page, then mint again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom expiry in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests allowed per window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Server:</source>
        <translation>Palvelin:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Kirjautunut:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rooli:</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>Käyttäjätunnus:</translation>
    </message>
    <message>
        <source>Session expires:</source>
        <translation>Istunto päättyy:</translation>
    </message>
    <message>
        <source>Token kept in:</source>
        <translation>Tunniste säilytetään:</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Kirjaudu…</translation>
    </message>
    <message>
        <source>Check session</source>
        <translation>Tarkista istunto</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Ei kirjauduttu</translation>
    </message>
    <message>
        <source>Sign in to %1 with the device flow: the console shows a code, you approve it in a browser as an admin, and the session token is kept in the system keychain.</source>
        <translation>Kirjaudu palvelimelle %1 laitevahvistuksella: konsoli näyttää koodin, hyväksyt sen selaimessa ylläpitäjänä, ja istuntotunniste säilytetään järjestelmän avainnipussa.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Kirjauduttu</translation>
    </message>
    <message>
        <source>You have the admin role on this server.</source>
        <translation>Sinulla on tällä palvelimella ylläpitäjän rooli.</translation>
    </message>
    <message>
        <source>This account does not have the admin role: most admin pages will be refused.</source>
        <translation>Tällä tilillä ei ole ylläpitäjän roolia: useimmat ylläpitosivut torjutaan.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ei mitään)</translation>
    </message>
    <message>
        <source>The system keychain (service &quot;pikku-admin&quot;, one entry per server)</source>
        <translation>Järjestelmän avainnippu (palvelu &quot;pikku-admin&quot;, yksi merkintä palvelinta kohden)</translation>
    </message>
    <message>
        <source>Memory only: this sign-in will not be remembered</source>
        <translation>Vain muistissa: tätä kirjautumista ei muisteta</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>reconnecting in %1 ms (attempt %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevealKeyDialog</name>
    <message>
        <source>Key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key minted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret now. It is shown this once and cannot be retrieved again; the server only keeps a hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the secret from the clipboard now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous key (%1…) keeps working until %2, so clients can move over. Once this window is closed, the rotate window follows its last use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared when the countdown ends (if it still holds this key) and when Pikku Admin quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The clipboard is cleared in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Close without copying?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret has not been copied. Once this window closes it cannot be shown again; you would have to rotate or mint a new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <source>No overlap: retire the old key at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new key for &lt;b&gt;%1&lt;/b&gt; is minted with the same name, permissions, metadata, enabled state and limits, and its secret is shown once. The old key (%2…) can keep working for a while so clients can switch over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The old key keeps working for:&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 90s, 30m, 12h, 3d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops working:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once its last use stops moving, every client has switched: retire it then, or let it expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tire old key now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the custom overlap, for example 90s, 30m, 12h or 3d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 30m, 12h or 3d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key (%1…) stops working &lt;b&gt;as soon as the new key is minted&lt;/b&gt;: clients still using it are refused from then on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key (%1…) keeps working until &lt;b&gt;%2&lt;/b&gt;: its own expiry comes before the end of a %3 overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key (%1…) keeps working until &lt;b&gt;%2&lt;/b&gt; (%3 from now), then it is refused. You can retire it earlier from the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server for the rotation&apos;s reply again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ended. Sign in again, then press Rotate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished">Kirjaudu uudelleen</translation>
    </message>
    <message>
        <source>Signed in again. Press Rotate to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rotated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reply was lost (%1). Checking what the server did…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server kept its reply: ask for it again to get the new secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get the new secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the new key on the keys page, or rotate it with no overlap to get a secret for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the keys page before rotating again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 was rotated: the new key (%3…) is the one to use. The previous key (%4…) is shown below, refreshed from the server every %5 s, so you can watch its traffic stop before you retire it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated %1: the previous key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never (it has no expiry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped working at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the current rate-limit window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (counted only while a rate limit is on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh at %1: %2 Trying again in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at %1; refreshed every %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at %1: the owner has more than %2 keys and the previous one is not among the newest; see the keys page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer on the server: it expired or was revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at %1: the previous key is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the previous key &lt;b&gt;%1&lt;/b&gt; (%2…) of &lt;b&gt;%3&lt;/b&gt; now, before its overlap ends? Clients still using it are refused from now on; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not retired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous key was revoked: it is refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired the previous key %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom overlap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server</source>
        <translation type="unfinished">Palvelin</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auth path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detect (/api/auth, then /auth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP to this non-loopback host (tokens travel unencrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// to a host that is not this machine would send your session token unencrypted. Use https://, or tick the box to allow it for this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for better-auth on %1…</source>
        <translation type="unfinished">Etsitään better-authia palvelimelta %1…</translation>
    </message>
    <message>
        <source>Found better-auth at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceUsersModel</name>
    <message>
        <source>banned</source>
        <translation>estetty</translation>
    </message>
    <message>
        <source>active</source>
        <translation>käytössä</translation>
    </message>
    <message>
        <source>Double-click to select; Ctrl+C or &quot;Copy id&quot; copies it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Tunnus</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Avaimet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
</context>
<context>
    <name>ServiceUsersPage</name>
    <message>
        <source>Search by name or email (on the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search service users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New service user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service users</source>
        <translation type="unfinished">Palvelukäyttäjät</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected user&apos;s id (for the CLI&apos;s --user ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorts the users loaded so far; the search runs on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to manage service users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 &lt;%2&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mint a key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the id of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>&lt;b&gt;Sessions&lt;/b&gt; (people signed in; tokens are never shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished">Istunnot</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorts the sessions loaded so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more (%1 left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This is the session this console is using; you will be signed out.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Revoking it ends this console&apos;s sign-in on the server at once, closes its live channel, and forgets the saved sign-in here. You will need to sign in again to continue.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Revoke this session of &lt;b&gt;%1&lt;/b&gt;?&lt;/p&gt;&lt;p&gt;Client: %2&lt;br&gt;From: %3&lt;br&gt;Signed in: %4&lt;/p&gt;&lt;p&gt;That client is signed out at once and its open channels close.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke this console&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke and sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console&apos;s session is revoked and you are signed out, but the keychain entry could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console&apos;s session is revoked; you are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Kirjaudu</translation>
    </message>
    <message>
        <source>Sign in to server</source>
        <translation>Kirjaudu palvelimelle</translation>
    </message>
    <message>
        <source>Open the verification page in a browser, sign in there as an admin, and confirm that it shows this code.</source>
        <translation>Avaa vahvistussivu selaimessa, kirjaudu siellä ylläpitäjänä ja varmista, että sivu näyttää tämän koodin.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Vahvistuskoodi</translation>
    </message>
    <message>
        <source>····-····</source>
        <translation>····-····</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>&amp;Kopioi koodi</translation>
    </message>
    <message>
        <source>&amp;Open browser</source>
        <translation>&amp;Avaa selain</translation>
    </message>
    <message>
        <source>Requesting a code…</source>
        <translation>Pyydetään koodia…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Yritä uudelleen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Sign in to &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Kirjaudu palvelimelle &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Code copied. Waiting for approval…</source>
        <translation>Koodi kopioitu. Odotetaan hyväksyntää…</translation>
    </message>
    <message>
        <source>Could not open a browser here. Open %1 on any device.</source>
        <translation>Selainta ei voitu avata tässä. Avaa %1 millä tahansa laitteella.</translation>
    </message>
    <message>
        <source>The server asked to slow down; checking every %1 s.</source>
        <translation>Palvelin pyysi hidastamaan; tarkistetaan %1 s välein.</translation>
    </message>
    <message>
        <source>%1 Still trying until the code expires…</source>
        <translation>%1 Yritetään edelleen, kunnes koodi vanhenee…</translation>
    </message>
    <message>
        <source>Requesting a code from the server…</source>
        <translation>Pyydetään koodia palvelimelta…</translation>
    </message>
    <message>
        <source>Waiting for approval in the browser…</source>
        <translation>Odotetaan hyväksyntää selaimessa…</translation>
    </message>
    <message>
        <source>Code expires in %1</source>
        <translation>Koodi vanhenee: %1</translation>
    </message>
    <message>
        <source>Approved. Reading the session…</source>
        <translation>Hyväksytty. Luetaan istuntoa…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
</context>
<context>
    <name>UserSessionsModel</name>
    <message>
        <source>  (this console)</source>
        <translation>  (tämä konsoli)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Käyttäjä</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Päättyy</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Impersonated by</source>
        <translation>Tilillä esiintyi</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Selain</translation>
    </message>
</context>
</TS>
