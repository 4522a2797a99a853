<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>AdminUsersModel</name>
    <message>
        <source>active</source>
        <translation>käytössä</translation>
    </message>
    <message>
        <source>banned until %1</source>
        <translation>estetty %1 asti</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>estetty</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Syy: %1</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roolit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Tunnus</translation>
    </message>
</context>
<context>
    <name>ApiCall</name>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation>palvelin sulki yhteyden TLS-kättelyn aikana</translation>
    </message>
    <message>
        <source>no complete reply within %1 ms</source>
        <translation>täydellistä vastausta ei tullut %1 ms:n kuluessa</translation>
    </message>
    <message>
        <source>response larger than %1 MiB</source>
        <translation>vastaus on suurempi kuin %1 MiB</translation>
    </message>
    <message>
        <source>the reply was cut off after %1 of %2 bytes</source>
        <translation>vastaus katkesi %1 tavun jälkeen (%2 tavusta)</translation>
    </message>
    <message>
        <source>malformed JSON at offset %1: %2</source>
        <translation>virheellistä JSONia kohdassa %1: %2</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>: too many redirects</source>
        <translation>: liian monta uudelleenohjausta</translation>
    </message>
    <message>
        <source>: a redirect to %1 was not followed</source>
        <translation>: uudelleenohjausta osoitteeseen %1 ei seurattu</translation>
    </message>
    <message>
        <source>: a redirect was not followed</source>
        <translation>: uudelleenohjausta ei seurattu</translation>
    </message>
    <message>
        <source>No reply: the connection dropped after the request was sent; it may have been carried out.</source>
        <translation>Ei vastausta: yhteys katkesi pyynnön lähettämisen jälkeen; pyyntö on ehkä jo suoritettu.</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1).</source>
        <translation>Palvelimeen ei saada yhteyttä (%1).</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>verkkovirhe</translation>
    </message>
    <message>
        <source>The server did not finish its reply within %1.</source>
        <translation>Palvelin ei saanut vastaustaan valmiiksi ajassa %1.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Palvelin ei vastannut ajoissa.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Peruttu.</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>Suojattu yhteys epäonnistui: %1</translation>
    </message>
    <message>
        <source>Refusing plain http:// to a non-loopback host. Use https://, or allow insecure HTTP for this server explicitly.</source>
        <translation>Salaamatonta http://-yhteyttä muuhun kuin paikalliseen koneeseen ei käytetä. Käytä https://-osoitetta tai salli suojaamaton HTTP erikseen tälle palvelimelle.</translation>
    </message>
    <message>
        <source>Not signed in, or the session has ended</source>
        <translation>Et ole kirjautunut, tai istunto on päättynyt</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Ei sallittu</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Ei löytynyt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Ristiriita</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Palvelin torjui pyynnön (HTTP %1).</translation>
    </message>
    <message>
        <source>The server is rate-limiting requests; try again in %1 s.</source>
        <translation>Palvelin rajoittaa pyyntöjä; yritä uudelleen %1 s kuluttua.</translation>
    </message>
    <message>
        <source>The server is rate-limiting requests; try again later.</source>
        <translation>Palvelin rajoittaa pyyntöjä; yritä myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1)</source>
        <translation>Palvelimella tapahtui virhe (HTTP %1)</translation>
    </message>
    <message>
        <source>The server sent a response the console cannot read (%1).</source>
        <translation>Palvelin lähetti vastauksen, jota konsoli ei osaa lukea (%1).</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1).</source>
        <translation>Järjestelmän avainnippu ei ole käytettävissä (%1).</translation>
    </message>
    <message>
        <source>Try again in %1 s.</source>
        <translation>Yritä uudelleen %1 s kuluttua.</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>Yritä myöhemmin uudelleen.</translation>
    </message>
</context>
<context>
    <name>ApiKeysModel</name>
    <message>
        <source>enabled</source>
        <translation>käytössä</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>poissa käytöstä</translation>
    </message>
    <message>
        <source>expired </source>
        <translation>vanhentunut </translation>
    </message>
    <message>
        <source>never</source>
        <translation>ei koskaan</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>rajaton</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>tunnus %1</translation>
    </message>
    <message>
        <source>Requests in the current rate-limit window (counted by the server; it restarts every %1)</source>
        <translation>Pyynnöt nykyisessä rajoitusjaksossa (palvelin laskee ne; jakson pituus: %1)</translation>
    </message>
    <message>
        <source>window</source>
        <translation>jakso</translation>
    </message>
    <message>
        <source>Not counted: the server counts requests only while the key has a rate limit. See Last used.</source>
        <translation>Ei laskettu: palvelin laskee pyynnöt vain, kun avaimella on pyyntörajoitus. Katso Viimeksi käytetty.</translation>
    </message>
    <message>
        <source>Requests in the current rate-limit window; keys without a rate limit are not counted</source>
        <translation>Pyynnöt nykyisessä rajoitusjaksossa; avaimia, joilla ei ole pyyntörajoitusta, ei lasketa</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Omistaja</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Alku</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vanhenee</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Viimeksi käytetty</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Pyynnöt</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Jäljellä</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Pyyntörajoitus</translation>
    </message>
    <message>
        <source>Usage not counted by this server</source>
        <translation>Tämä palvelin ei laske käyttöä</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Viimeiset 7 päivää</translation>
    </message>
    <message>
        <source>%1: %2 succeeded, %3 failed, %4 rate-limited</source>
        <translation>%1: %2 onnistui, %3 epäonnistui, %4 rajoitettiin</translation>
    </message>
    <message numerus="yes">
        <source>Last %n days: %1 succeeded, %2 failed, %3 rate-limited</source>
        <translation>
            <numerusform>Viimeinen %n päivä: %1 onnistui, %2 epäonnistui, %3 rajoitettiin</numerusform>
            <numerusform>Viimeiset %n päivää: %1 onnistui, %2 epäonnistui, %3 rajoitettiin</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiKeysPage</name>
    <message>
        <source>All service users</source>
        <translation>Kaikki palvelukäyttäjät</translation>
    </message>
    <message>
        <source>Filter loaded keys by name, owner, prefix…</source>
        <translation>Suodata ladattuja avaimia nimen, omistajan tai etuliitteen mukaan…</translation>
    </message>
    <message>
        <source>Mint key…</source>
        <translation>Luo avain…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Muokkaa…</translation>
    </message>
    <message>
        <source>Edit the selected key (F2, Enter or double-click)</source>
        <translation>Muokkaa valittua avainta (F2, Enter tai kaksoisnapsautus)</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>Kierrätä…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Peru…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Omistaja:</translation>
    </message>
    <message>
        <source>%1 of %2 loaded</source>
        <translation>%1/%2 ladattu</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>Sign in to manage API keys.</source>
        <translation>Kirjaudu sisään hallitaksesi API-avaimia.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Ota käyttöön</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>%1 otettiin käyttöön.</translation>
    </message>
    <message>
        <source>Disabled %1: it is refused until enabled again.</source>
        <translation>%1 poistettiin käytöstä: se torjutaan, kunnes se otetaan taas käyttöön.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Peru avain</translation>
    </message>
    <message>
        <source>Revoke the key &lt;b&gt;%1&lt;/b&gt; (%2…) of &lt;b&gt;%3&lt;/b&gt;? Every client using it is refused from now on; this cannot be undone.</source>
        <translation>Perutaanko käyttäjän &lt;b&gt;%3&lt;/b&gt; avain &lt;b&gt;%1&lt;/b&gt; (%2…)? Jokainen sitä käyttävä asiakas torjutaan tästä lähtien; tätä ei voi kumota.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>Revoked %1.</source>
        <translation>%1 peruttiin.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 tallennettiin.</translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation>Suodata avaimia</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-avaimet</translation>
    </message>
    <message>
        <source>Selected keys</source>
        <translation>Valitut avaimet</translation>
    </message>
    <message>
        <source>Disable, enable or revoke every selected key (one confirmation, a result per key)</source>
        <translation>Poista käytöstä, ota käyttöön tai peru kaikki valitut avaimet (yksi vahvistus, tulos avaimittain)</translation>
    </message>
    <message>
        <source>Disable selected…</source>
        <translation>Poista valitut käytöstä…</translation>
    </message>
    <message>
        <source>Enable selected…</source>
        <translation>Ota valitut käyttöön…</translation>
    </message>
    <message>
        <source>Revoke selected…</source>
        <translation>Peru valitut…</translation>
    </message>
    <message>
        <source>Selected keys (%1)</source>
        <translation>Valitut avaimet (%1)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 (käyttäjä %2)</translation>
    </message>
    <message>
        <source>keys expiring within 7 days</source>
        <translation>7 päivän sisällä vanhenevat avaimet</translation>
    </message>
    <message>
        <source>disabled keys</source>
        <translation>käytöstä poistetut avaimet</translation>
    </message>
    <message>
        <source>keys never used</source>
        <translation>koskaan käyttämättömät avaimet</translation>
    </message>
    <message>
        <source>Showing only %1 (every page of keys is loaded for it). Dismiss this to show all keys.</source>
        <translation>Näytetään vain %1 (kaikki avainsivut ladataan tätä varten). Sulje tämä ilmoitus nähdäksesi kaikki avaimet.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Omistaja</translation>
    </message>
    <message>
        <source>Usage…</source>
        <translation>Käyttö…</translation>
    </message>
    <message>
        <source>The selected key&apos;s verifications over the last 30 days (Ctrl+U)</source>
        <translation>Valitun avaimen tarkistukset viimeisten 30 päivän ajalta (Ctrl+U)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>success</source>
        <translation>onnistui</translation>
    </message>
    <message>
        <source>failure (%1)</source>
        <translation>epäonnistui (%1)</translation>
    </message>
    <message>
        <source>failure (%1 %2)</source>
        <translation>epäonnistui (%1 %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Tunnistetieto</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Actor: id or email</source>
        <translation>Tekijä: tunnus tai sähköposti</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <source>Action, e.g. /admin/*</source>
        <translation>Toiminto, esim. /admin/*</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Target id</source>
        <translation>Kohteen tunnus</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>Since: 1h, 7d or ISO</source>
        <translation>Alkaen: 1h, 7d tai ISO</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>Until: ISO</source>
        <translation>Saakka: ISO</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Saakka</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Suodata</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>New entries that match the filter appear at the top as they happen</source>
        <translation>Suodatinta vastaavat uudet merkinnät tulevat ylimmäksi sitä mukaa kuin niitä syntyy</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Tarkastusmerkinnät</translation>
    </message>
    <message>
        <source>Sorts the entries loaded so far; the filter above asks the server</source>
        <translation>Lajittelee tähän mennessä ladatut merkinnät; yllä oleva suodatin kysyy palvelimelta</translation>
    </message>
    <message>
        <source>Selected entry</source>
        <translation>Valittu merkintä</translation>
    </message>
    <message>
        <source>Select an entry to see all of it.</source>
        <translation>Valitse merkintä nähdäksesi sen kokonaan.</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>Lataa l&amp;isää</translation>
    </message>
    <message>
        <source>Since: %1</source>
        <translation>Alkaen: %1</translation>
    </message>
    <message>
        <source>Until: %1</source>
        <translation>Saakka: %1</translation>
    </message>
    <message>
        <source>Sign in to see the audit trail.</source>
        <translation>Kirjaudu sisään nähdäksesi tarkastuslokin.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Kysytään palvelimelta…</translation>
    </message>
    <message>
        <source>%1 entries; loading more…</source>
        <translation>%1 merkintää; ladataan lisää…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>Could not load the audit trail.</source>
        <translation>Tarkastuslokia ei voitu ladata.</translation>
    </message>
    <message>
        <source>No audit entries yet.</source>
        <translation>Tarkastusmerkintöjä ei vielä ole.</translation>
    </message>
    <message>
        <source>No entries match the filter.</source>
        <translation>Mikään merkintä ei vastaa suodatinta.</translation>
    </message>
    <message>
        <source>%1 newest entries shown (of %2%3)</source>
        <translation>Näytetään %1 uusinta merkintää (yhteensä %2%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n merkintä</numerusform>
            <numerusform>%n merkintää</numerusform>
        </translation>
    </message>
    <message>
        <source> — at most %1 are kept here; narrow the filter for older ones</source>
        <translation> — tässä säilytetään enintään %1; rajaa suodatinta nähdäksesi vanhemmat</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>Milloin: %1 (%2)</translation>
    </message>
    <message>
        <source>Actor: %1  (id %2)</source>
        <translation>Tekijä: %1  (tunnus %2)</translation>
    </message>
    <message>
        <source>Credential: %1</source>
        <translation>Tunnistetieto: %1</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>Toiminto: %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Kohde: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Tulos: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Osoite: %1</translation>
    </message>
    <message>
        <source>User agent: %1</source>
        <translation>Asiakasohjelma: %1</translation>
    </message>
    <message>
        <source>Entry id: %1</source>
        <translation>Merkinnän tunnus: %1</translation>
    </message>
</context>
<context>
    <name>AuditService</name>
    <message>
        <source>This server keeps no audit trail (its console plugin does not announce &quot;audit&quot;: console API v1.1 needed).</source>
        <translation>Tämä palvelin ei pidä tarkastuslokia (sen konsolilaajennus ei ilmoita ominaisuutta &quot;audit&quot;: tarvitaan konsolirajapinta v1.1).</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>ei kirjautunut</translation>
    </message>
    <message>
        <source>Live updates off.</source>
        <translation>Live-päivitykset pois päältä.</translation>
    </message>
    <message>
        <source>Live: new entries appear at the top.</source>
        <translation>Live: uudet merkinnät tulevat ylimmäksi.</translation>
    </message>
    <message>
        <source>Live channel refused (HTTP %1): not updating live.</source>
        <translation>Live-kanava torjuttiin (HTTP %1): ei live-päivityksiä.</translation>
    </message>
    <message>
        <source>Live channel unavailable: %1</source>
        <translation>Live-kanava ei ole käytettävissä: %1</translation>
    </message>
    <message>
        <source>Live channel lost; reconnecting in %1 s… (entries meanwhile: Refresh)</source>
        <translation>Yhteys live-kanavaan katkesi; yhdistetään uudelleen %1 s kuluttua… (merkinnät sillä välin: Päivitä)</translation>
    </message>
    <message>
        <source>Live channel closed (%1).</source>
        <translation>Live-kanava suljettiin (%1).</translation>
    </message>
    <message>
        <source>Connecting to the live channel…</source>
        <translation>Yhdistetään live-kanavaan…</translation>
    </message>
</context>
<context>
    <name>AuthApi</name>
    <message>
        <source>better-auth was not found at /api/auth/ok or /auth/ok; pass --auth-path</source>
        <translation>better-authia ei löytynyt osoitteista /api/auth/ok tai /auth/ok; anna --auth-path</translation>
    </message>
    <message>
        <source>the session no longer exists on the server</source>
        <translation>istuntoa ei enää ole palvelimella</translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message>
        <source>not signed in to %1</source>
        <translation>ei kirjautunut palvelimelle %1</translation>
    </message>
    <message>
        <source>the saved session for %1 has ended on the server</source>
        <translation>palvelimen %1 tallennettu istunto on päättynyt palvelimella</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>avainnippu ei vastannut</translation>
    </message>
</context>
<context>
    <name>BulkResultDialog</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Result per item</source>
        <translation>Tulos kohteittain</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Pysäytä</translation>
    </message>
    <message>
        <source>Send no more; what was sent finishes and is shown</source>
        <translation>Älä lähetä enempää; jo lähetetyt viedään loppuun ja näytetään</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>odottaa</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>lähetetään…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>valmis</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>EPÄONNISTUI</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>ei lähetetty</translation>
    </message>
    <message>
        <source>%1 %2: all done.</source>
        <translation>%1 %2: kaikki valmiina.</translation>
    </message>
    <message>
        <source>%1 %2: %3. The failed rows were not retried; each says why.</source>
        <translation>%1 %2: %3. Epäonnistuneita rivejä ei yritetty uudelleen; kukin kertoo syyn.</translation>
    </message>
    <message>
        <source>%1 %2: %3…</source>
        <translation>%1 %2: %3…</translation>
    </message>
</context>
<context>
    <name>BulkRun</name>
    <message>
        <source>not sent: more than %1 items in one run</source>
        <translation>ei lähetetty: yhdessä ajossa yli %1 kohdetta</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 valmiina</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 epäonnistui</translation>
    </message>
    <message>
        <source>%1 not sent</source>
        <translation>%1 lähettämättä</translation>
    </message>
    <message>
        <source>%1 still running</source>
        <translation>%1 vielä kesken</translation>
    </message>
    <message>
        <source>not sent: cancelled before its turn</source>
        <translation>ei lähetetty: pysäytettiin ennen sen vuoroa</translation>
    </message>
</context>
<context>
    <name>ChannelComposer</name>
    <message>
        <source>{&quot;action&quot;: &quot;whoami&quot;}   — Ctrl+Enter sends, Ctrl+Up/Down walks the history</source>
        <translation>{&quot;action&quot;: &quot;whoami&quot;}   — Ctrl+Enter lähettää, Ctrl+Ylös/Alas selaa historiaa</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <source>whoami</source>
        <translation>whoami</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>subscribe sessions</source>
        <translation>subscribe sessions</translation>
    </message>
    <message>
        <source>Saved messages for this channel URL: pick one to load it into the composer</source>
        <translation>Tämän kanavaosoitteen tallennetut viestit: valitse viesti ladataksesi sen editoriin</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Tallenna…</translation>
    </message>
    <message>
        <source>Save the composer&apos;s message under a name, for this channel URL</source>
        <translation>Tallenna editorin viesti nimellä tälle kanavaosoitteelle</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Delete the selected saved message</source>
        <translation>Poista valittu tallennettu viesti</translation>
    </message>
    <message>
        <source>Keep history</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Remember sent messages (Ctrl+Up/Down) for each channel URL. A message containing your key or session is never kept. Unticking erases the stored history.</source>
        <translation>Muista lähetetyt viestit (Ctrl+Ylös/Alas) kanavaosoitteittain. Avaintasi tai istuntoasi sisältävää viestiä ei koskaan säilytetä. Valinnan poistaminen tyhjentää tallennetun historian.</translation>
    </message>
    <message>
        <source>valid JSON</source>
        <translation>kelvollista JSONia</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>ei JSONia: %1</translation>
    </message>
    <message>
        <source>not sent: not JSON (%1)</source>
        <translation>ei lähetetty: ei JSONia (%1)</translation>
    </message>
    <message>
        <source>sent; not kept in the history (it contains your credential)</source>
        <translation>lähetetty; ei säilytetty historiassa (sisältää tunnistetietosi)</translation>
    </message>
    <message>
        <source>Not saved: the message contains your credential, and saved messages are stored in plain text.</source>
        <translation>Ei tallennettu: viesti sisältää tunnistetietosi, ja tallennetut viestit säilytetään salaamattomina.</translation>
    </message>
    <message>
        <source>No saved messages</source>
        <translation>Ei tallennettuja</translation>
    </message>
    <message>
        <source>Saved messages (%1)</source>
        <translation>Tallennetut (%1)</translation>
    </message>
    <message>
        <source>Write a JSON message in the composer first, then save it.</source>
        <translation>Kirjoita ensin JSON-viesti editoriin ja tallenna se sitten.</translation>
    </message>
    <message>
        <source>Save message</source>
        <translation>Tallenna viesti</translation>
    </message>
    <message>
        <source>Name for this message (saved for %1):</source>
        <translation>Viestin nimi (tallennetaan osoitteelle %1):</translation>
    </message>
    <message>
        <source>Not saved: give it a name.</source>
        <translation>Ei tallennettu: anna viestille nimi.</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation>Binääri (heksa)</translation>
    </message>
    <message>
        <source>Binary (base64)</source>
        <translation>Binääri (base64)</translation>
    </message>
    <message>
        <source>Send the editor&apos;s text as a JSON message, or as one binary frame written in hex or base64</source>
        <translation>Lähetä editorin teksti JSON-viestinä tai yhtenä binäärikehyksenä heksana tai base64-muodossa kirjoitettuna</translation>
    </message>
    <message>
        <source>Message format</source>
        <translation>Viestin muoto</translation>
    </message>
    <message>
        <source>01 02 ff …   — one binary frame, in hex</source>
        <translation>01 02 ff …   — yksi binäärikehys heksana</translation>
    </message>
    <message>
        <source>AQL/…   — one binary frame, in base64</source>
        <translation>AQL/…   — yksi binäärikehys base64-muodossa</translation>
    </message>
    <message numerus="yes">
        <source>binary frame, %n bytes</source>
        <translation>
            <numerusform>binäärikehys, %n tavu</numerusform>
            <numerusform>binäärikehys, %n tavua</numerusform>
        </translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>ei lähetetty: %1</translation>
    </message>
    <message numerus="yes">
        <source>sent %n bytes as one binary frame (not kept in the history)</source>
        <translation>
            <numerusform>lähetettiin %n tavu yhtenä binäärikehyksenä (ei säilytetty historiassa)</numerusform>
            <numerusform>lähetettiin %n tavua yhtenä binäärikehyksenä (ei säilytetty historiassa)</numerusform>
        </translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Lähetettävä viesti</translation>
    </message>
    <message>
        <source>Saved messages</source>
        <translation>Tallennetut viestit</translation>
    </message>
</context>
<context>
    <name>ChannelConnectionBar</name>
    <message>
        <source>As me (Bearer session)</source>
        <translation>Itsenäni (Bearer-istunto)</translation>
    </message>
    <message>
        <source>As a service key (paste)</source>
        <translation>Palveluavaimella (liitä)</translation>
    </message>
    <message>
        <source>As a service key (environment variable)</source>
        <translation>Palveluavaimella (ympäristömuuttuja)</translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation>Muista avainnipussa</translation>
    </message>
    <message>
        <source>Store this key in the system keychain for this channel URL (never in the settings file)</source>
        <translation>Tallenna tämä avain järjestelmän avainnippuun tälle kanavaosoitteelle (ei koskaan asetustiedostoon)</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Unohda</translation>
    </message>
    <message>
        <source>Delete the key remembered in the keychain for this channel URL</source>
        <translation>Poista tälle kanavaosoitteelle avainnippuun muistettu avain</translation>
    </message>
    <message>
        <source>Ask whoami on connect</source>
        <translation>Kysy whoami avattaessa</translation>
    </message>
    <message>
        <source>Send {&quot;action&quot;:&quot;whoami&quot;} when the channel opens and show the answer (remembered per URL)</source>
        <translation>Lähetä {&quot;action&quot;:&quot;whoami&quot;}, kun kanava avautuu, ja näytä vastaus (muistetaan osoitteittain)</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Yhdistä uudelleen</translation>
    </message>
    <message>
        <source>Reconnect with exponential backoff and jitter when the connection drops</source>
        <translation>Yhdistä uudelleen eksponentiaalisesti kasvavin, satunnaistetuin viivein, kun yhteys katkeaa</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Yhdistä</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>Osoite:</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>Tunnus:</translation>
    </message>
    <message>
        <source>Channel URL</source>
        <translation>Kanavan osoite</translation>
    </message>
    <message>
        <source>Connect as</source>
        <translation>Yhdistä tunnuksella</translation>
    </message>
    <message>
        <source>API key or variable name</source>
        <translation>API-avain tai muuttujan nimi</translation>
    </message>
    <message>
        <source>API key (memory only unless remembered)</source>
        <translation>API-avain (vain muistissa, ellei sitä muisteta)</translation>
    </message>
    <message>
        <source>variable name, e.g. SVC_KEY</source>
        <translation>muuttujan nimi, esim. SVC_KEY</translation>
    </message>
    <message>
        <source>as me (Bearer session)</source>
        <translation>itsenäni (Bearer-istunto)</translation>
    </message>
    <message>
        <source>as a service key (x-api-key, pasted)</source>
        <translation>palveluavaimella (x-api-key, liitetty)</translation>
    </message>
    <message>
        <source>as a service key (x-api-key from $%1)</source>
        <translation>palveluavaimella (x-api-key muuttujasta $%1)</translation>
    </message>
    <message>
        <source> · asking the server who that is…</source>
        <translation> · kysytään palvelimelta, kuka se on…</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>ei yhteyttä</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>yhdistetään…</translation>
    </message>
    <message>
        <source>open as %1</source>
        <translation>avoinna (%1)</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>yhdistetään uudelleen…</translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation>suljettu (%1)</translation>
    </message>
    <message>
        <source>refused: HTTP %1</source>
        <translation>torjuttu: HTTP %1</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>torjuttu</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Katkaise yhteys</translation>
    </message>
    <message>
        <source>%1 · latency %2 · in %3 · out %4 · showing %5 of %6 kept (cap %7)%8%9</source>
        <translation>%1 · viive %2 · sisään %3 · ulos %4 · näytetään %5/%6 säilytetystä (enintään %7)%8%9</translation>
    </message>
    <message>
        <source> · %1 oldest dropped</source>
        <translation> · %1 vanhinta pudotettu</translation>
    </message>
    <message>
        <source> · view paused (%1 waiting)</source>
        <translation> · näkymä pysäytetty (%1 odottaa)</translation>
    </message>
    <message>
        <source>Forget the remembered key</source>
        <translation>Unohda muistettu avain</translation>
    </message>
</context>
<context>
    <name>ChannelInspectorPage</name>
    <message>
        <source>+ New channel</source>
        <translation>+ Uusi kanava</translation>
    </message>
</context>
<context>
    <name>ChannelKeyMemory</name>
    <message>
        <source>reading the key from the keychain…</source>
        <translation>luetaan avainta avainnipusta…</translation>
    </message>
    <message>
        <source>API key (memory only unless remembered)</source>
        <translation>API-avain (vain muistissa, ellei sitä muisteta)</translation>
    </message>
    <message>
        <source>The key remembered for this channel is no longer in the keychain: paste it again.</source>
        <translation>Tälle kanavalle muistettua avainta ei enää ole avainnipussa: liitä se uudelleen.</translation>
    </message>
    <message>
        <source>The keychain (%1) is unavailable: %2. Paste the key; it is kept in memory only.</source>
        <translation>Avainnippu (%1) ei ole käytettävissä: %2. Liitä avain; se säilytetään vain muistissa.</translation>
    </message>
    <message>
        <source>The keychain (%1) is unavailable: %2. The key is kept in memory only, for this tab.</source>
        <translation>Avainnippu (%1) ei ole käytettävissä: %2. Avain säilytetään vain muistissa tätä välilehteä varten.</translation>
    </message>
    <message>
        <source>Could not delete the key from the keychain (%1): %2.</source>
        <translation>Avainta ei voitu poistaa avainnipusta (%1): %2.</translation>
    </message>
    <message>
        <source>The key for this channel was removed from the keychain.</source>
        <translation>Tämän kanavan avain poistettiin avainnipusta.</translation>
    </message>
</context>
<context>
    <name>ChannelLogModel</name>
    <message>
        <source>event %1</source>
        <translation>tapahtuma %1</translation>
    </message>
    <message>
        <source>Paired with message #%1</source>
        <translation>Pari viestin #%1 kanssa</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Suunta</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Tavut</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <source>%1 #%2 (pending)</source>
        <translation>%1 #%2 (odottaa)</translation>
    </message>
    <message>
        <source>Pending answer to message #%1</source>
        <translation>Odottava vastaus viestiin #%1</translation>
    </message>
    <message>
        <source>The other side said this request is pending; no response yet</source>
        <translation>Toinen osapuoli ilmoitti pyynnön olevan kesken; vastausta ei vielä ole</translation>
    </message>
</context>
<context>
    <name>ChannelLogView</name>
    <message>
        <source>Filter messages (text)</source>
        <translation>Suodata (teksti)</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>Molemmat suunnat</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Vastaanotetut</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Lähetetyt</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Vain virheet</translation>
    </message>
    <message>
        <source>Pause view</source>
        <translation>Pysäytä</translation>
    </message>
    <message>
        <source>Freeze the view; capture continues (bounded by the cap)</source>
        <translation>Jäädytä näkymä; tallennus jatkuu (enimmäismäärän rajoissa)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Tyhjennä</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Vie…</translation>
    </message>
    <message>
        <source>Whole log (NDJSON)…</source>
        <translation>Koko loki (NDJSON)…</translation>
    </message>
    <message>
        <source>Filtered view (NDJSON)…</source>
        <translation>Suodatettu näkymä (NDJSON)…</translation>
    </message>
    <message>
        <source>keep </source>
        <translation>säilytä </translation>
    </message>
    <message>
        <source> msgs</source>
        <translation> viestiä</translation>
    </message>
    <message>
        <source>Resume view</source>
        <translation>Jatka</translation>
    </message>
    <message>
        <source>Select a message to see it formatted, with its paired request or reply.</source>
        <translation>Valitse viesti nähdäksesi sen muotoiltuna yhdessä siihen liittyvän pyynnön tai vastauksen kanssa.</translation>
    </message>
    <message>
        <source>Selected message</source>
        <translation>Valittu viesti</translation>
    </message>
    <message>
        <source>Selected message as a JSON tree</source>
        <translation>Valittu viesti JSON-puuna</translation>
    </message>
    <message>
        <source>Not a valid regular expression: %1</source>
        <translation>Virheellinen säännöllinen lauseke: %1</translation>
    </message>
    <message numerus="yes">
        <source>binary frame, %n bytes</source>
        <translation>
            <numerusform>binäärikehys, %n tavu</numerusform>
            <numerusform>binäärikehys, %n tavua</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n tavu</numerusform>
            <numerusform>%n tavua</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Auth failure: the server refused this route for the channel&apos;s credential.</source>
        <translation>⚠ Tunnistusvirhe: palvelin torjui tämän reitin kanavan tunnistetiedoilla.</translation>
    </message>
    <message>
        <source>⏳ The other side answered pikku-rpc-pending: no response yet.</source>
        <translation>⏳ Toinen osapuoli vastasi pikku-rpc-pending: vastausta ei vielä ole.</translation>
    </message>
    <message>
        <source>pending request</source>
        <translation>odottava pyyntö</translation>
    </message>
    <message>
        <source>request</source>
        <translation>pyyntö</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>vastaus</translation>
    </message>
    <message>
        <source>paired %1</source>
        <translation>pari: %1</translation>
    </message>
    <message>
        <source>later</source>
        <translation>myöhempi</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>aiempi</translation>
    </message>
    <message>
        <source>Export filtered view</source>
        <translation>Vie suodatettu näkymä</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Vie loki</translation>
    </message>
    <message>
        <source>NDJSON (*.ndjson *.jsonl)</source>
        <translation>NDJSON (*.ndjson *.jsonl)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Tiedostoon %1 ei voitu kirjoittaa.</translation>
    </message>
    <message>
        <source>Exported %1 messages to %2.</source>
        <translation>%1 viestiä vietiin tiedostoon %2.</translation>
    </message>
    <message>
        <source>Messages the log keeps</source>
        <translation>Lokiin säilytettävät viestit</translation>
    </message>
    <message>
        <source>The log keeps this many messages; the oldest go first</source>
        <translation>Loki säilyttää näin monta viestiä; vanhimmat poistuvat ensin</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Suodata viestejä</translation>
    </message>
    <message>
        <source>Channel messages</source>
        <translation>Kanavan viestit</translation>
    </message>
</context>
<context>
    <name>ChannelMessage</name>
    <message>
        <source>… %1 more bytes not shown
</source>
        <translation>… %1 tavua lisää, ei näytetä
</translation>
    </message>
    <message numerus="yes">
        <source>&lt;binary, %n bytes&gt; </source>
        <translation>
            <numerusform>&lt;binääri, %n tavu&gt; </numerusform>
            <numerusform>&lt;binääri, %n tavua&gt; </numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Not authorized (auth failure): </source>
        <translation>⚠ Ei valtuutettu (tunnistusvirhe): </translation>
    </message>
    <message>
        <source>too large: at most %1 bytes</source>
        <translation>liian suuri: enintään %1 tavua</translation>
    </message>
    <message>
        <source>not hex: unexpected character &apos;%1&apos;</source>
        <translation>ei heksaa: odottamaton merkki &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not hex: an odd number of digits</source>
        <translation>ei heksaa: pariton määrä numeroita</translation>
    </message>
    <message>
        <source>not base64: unexpected character &apos;%1&apos;</source>
        <translation>ei base64:ää: odottamaton merkki &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not base64</source>
        <translation>ei base64:ää</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>tyhjä</translation>
    </message>
    <message>
        <source>too large: %1 bytes, at most %2</source>
        <translation>liian suuri: %1 tavua, enintään %2</translation>
    </message>
</context>
<context>
    <name>ChannelSocket</name>
    <message>
        <source>Not a ws:// or wss:// URL: %1</source>
        <translation>Ei ws://- tai wss://-osoite: %1</translation>
    </message>
    <message>
        <source>Refusing ws:// to a non-loopback host: the credential would travel unencrypted. Use wss://.</source>
        <translation>Salaamatonta ws://-yhteyttä muuhun kuin paikalliseen koneeseen ei käytetä: tunnistetieto kulkisi salaamattomana. Käytä wss://-osoitetta.</translation>
    </message>
    <message>
        <source>A channel is opened as a person (Bearer) or as a machine (API key), never both.</source>
        <translation>Kanava avataan henkilönä (Bearer) tai koneena (API-avain), ei koskaan molempina.</translation>
    </message>
    <message>
        <source>Your session belongs to %1; it is never sent to %2. Connect there with an API key, or sign in to that server.</source>
        <translation>Istuntosi kuuluu palvelimelle %1; sitä ei koskaan lähetetä palvelimelle %2. Yhdistä sinne API-avaimella tai kirjaudu sille palvelimelle.</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>The server did not complete the WebSocket handshake within %1 s.</source>
        <translation>Palvelin ei saanut WebSocket-kättelyä valmiiksi %1 s:n kuluessa.</translation>
    </message>
    <message>
        <source>The server did not complete the WebSocket handshake within %1 ms.</source>
        <translation>Palvelin ei saanut WebSocket-kättelyä valmiiksi %1 ms:n kuluessa.</translation>
    </message>
    <message>
        <source>Could not connect.</source>
        <translation>Yhteyttä ei saatu.</translation>
    </message>
</context>
<context>
    <name>ChannelTab</name>
    <message>
        <source>connected as %1</source>
        <translation>yhdistetty (%1)</translation>
    </message>
    <message>
        <source>The server refused the channel: HTTP %1.</source>
        <translation>Palvelin torjui kanavan: HTTP %1.</translation>
    </message>
    <message>
        <source>The server refused the channel (%1).</source>
        <translation>Palvelin torjui kanavan (%1).</translation>
    </message>
    <message>
        <source> Your session may have ended: sign in again.</source>
        <translation> Istuntosi on ehkä päättynyt: kirjaudu uudelleen.</translation>
    </message>
    <message>
        <source> The key is unknown, expired, disabled or rate-limited.</source>
        <translation> Avain on tuntematon, vanhentunut, poistettu käytöstä tai pyyntörajoitettu.</translation>
    </message>
    <message>
        <source>closed (%1%2)</source>
        <translation>suljettu (%1%2)</translation>
    </message>
    <message>
        <source>The server closed the channel because the credential was revoked (%1). It will not reconnect with it.</source>
        <translation>Palvelin sulki kanavan, koska tunnistetieto peruttiin (%1). Sillä ei yhdistetä uudelleen.</translation>
    </message>
    <message>
        <source>The channel was closed: the server sent a message larger than %1 MiB (1009).</source>
        <translation>Kanava suljettiin: palvelin lähetti viestin, joka on suurempi kuin %1 MiB (1009).</translation>
    </message>
    <message>
        <source>As me (Bearer session)</source>
        <translation>Itsenäni (Bearer-istunto)</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Ei yhteyttä.</translation>
    </message>
    <message>
        <source>me</source>
        <translation>minä</translation>
    </message>
    <message>
        <source>key</source>
        <translation>avain</translation>
    </message>
    <message>
        <source>Sign in first, or connect as a service key.</source>
        <translation>Kirjaudu ensin tai yhdistä palveluavaimella.</translation>
    </message>
    <message>
        <source>Reading the key from the keychain…</source>
        <translation>Luetaan avainta avainnipusta…</translation>
    </message>
    <message>
        <source>Paste the API key to connect with.</source>
        <translation>Liitä API-avain, jolla yhdistetään.</translation>
    </message>
    <message>
        <source>The environment variable %1 is not set.</source>
        <translation>Ympäristömuuttujaa %1 ei ole asetettu.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ei mitään)</translation>
    </message>
    <message>
        <source>Your session belongs to %1 and is never sent to another host. Connect to %2 with a service key, or sign in to that server.</source>
        <translation>Istuntosi kuuluu palvelimelle %1, eikä sitä koskaan lähetetä muulle palvelimelle. Yhdistä kohteeseen %2 palveluavaimella tai kirjaudu sille palvelimelle.</translation>
    </message>
    <message>
        <source>this URL</source>
        <translation>tähän osoitteeseen</translation>
    </message>
    <message>
        <source>As me (not offered for another host)</source>
        <translation>Itsenäni (ei toiselle palvelimelle)</translation>
    </message>
    <message>
        <source>The frame is larger than the channel&apos;s limit.</source>
        <translation>Kehys on suurempi kuin kanavan raja.</translation>
    </message>
</context>
<context>
    <name>ConsoleApi</name>
    <message>
        <source>(empty body)</source>
        <translation>(tyhjä runko)</translation>
    </message>
    <message>
        <source>
The server answered %1 %2 with %3: %4</source>
        <translation>
Palvelin vastasi pyyntöön %1 %2: %3: %4</translation>
    </message>
    <message>
        <source>This server has no console API. Install the @pikku-admin/better-auth-console plugin (see server/console-plugin/README.md); sign-in and everything else keep working.</source>
        <translation>Tällä palvelimella ei ole konsolirajapintaa. Asenna @pikku-admin/better-auth-console-laajennus (katso server/console-plugin/README.md); kirjautuminen ja kaikki muu toimivat edelleen.</translation>
    </message>
</context>
<context>
    <name>CreateServiceUserDialog</name>
    <message>
        <source>New service user</source>
        <translation>Uusi palvelukäyttäjä</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nimi:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Sähköposti:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valinnainen</translation>
    </message>
    <message>
        <source>Service users have no password and never sign in; they own API keys.</source>
        <translation>Palvelukäyttäjillä ei ole salasanaa, eivätkä he koskaan kirjaudu; he omistavat API-avaimia.</translation>
    </message>
</context>
<context>
    <name>DeviceApprovalPage</name>
    <message>
        <source>Approve a device sign-in</source>
        <translation>Hyväksy laitteen kirjautuminen</translation>
    </message>
    <message>
        <source>Another client (for example &lt;code&gt;pikku login&lt;/code&gt; on a laptop) shows a code. Pick it from the list or type it, look it up to see who is asking, then approve or deny.</source>
        <translation>Toinen asiakas (esimerkiksi &lt;code&gt;pikku login&lt;/code&gt; kannettavalla) näyttää koodin. Valitse se luettelosta tai kirjoita se, hae se nähdäksesi, kuka pyytää, ja hyväksy tai hylkää.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for approval&lt;/b&gt;</source>
        <translation>&lt;b&gt;Odottaa hyväksyntää&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <source>Picking a row only fills in the code below. Nothing is approved until you have compared it with the code on the device you are signing in, and confirmed. Anyone can start a sign-in and send you their code.</source>
        <translation>Rivin valinta vain täyttää alla olevan koodikentän. Mitään ei hyväksytä, ennen kuin olet verrannut koodia kirjautuvan laitteen koodiin ja vahvistanut. Kuka tahansa voi aloittaa kirjautumisen ja lähettää sinulle koodinsa.</translation>
    </message>
    <message>
        <source>ABCD-EFGH</source>
        <translation>ABCD-EFGH</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Hae</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Koodi:</translation>
    </message>
    <message>
        <source>Who is asking</source>
        <translation>Kuka pyytää</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Asiakas:</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Laajuus:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <source>The requesting device shows exactly this code, and I started that sign-in</source>
        <translation>Pyytävä laite näyttää täsmälleen tämän koodin, ja minä aloitin sen kirjautumisen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Hyväksy</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <source>No device is waiting for approval. When someone runs &lt;code&gt;pikku login&lt;/code&gt;, their request shows here.</source>
        <translation>Yksikään laite ei odota hyväksyntää. Kun joku suorittaa komennon &lt;code&gt;pikku login&lt;/code&gt;, hänen pyyntönsä näkyy tässä.</translation>
    </message>
    <message>
        <source>%1 is no longer waiting: it was approved or denied elsewhere, or it expired.</source>
        <translation>%1 ei enää odota: se hyväksyttiin tai hylättiin muualla, tai se vanheni.</translation>
    </message>
    <message>
        <source>Sign in to see the devices waiting for approval.</source>
        <translation>Kirjaudu sisään nähdäksesi hyväksyntää odottavat laitteet.</translation>
    </message>
    <message>
        <source>The pending codes cannot be listed: %1

You can still type a code below; looking it up and approving it use better-auth&apos;s own endpoints.</source>
        <translation>Odottavia koodeja ei voi luetella: %1

Voit silti kirjoittaa koodin alle; sen haku ja hyväksyntä käyttävät better-authin omia rajapintoja.</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to see the devices waiting for approval.</source>
        <translation>Istuntosi päättyi. Kirjaudu uudelleen nähdäksesi hyväksyntää odottavat laitteet.</translation>
    </message>
    <message>
        <source>The server is rate-limiting the list of pending codes (%1).</source>
        <translation>Palvelin rajoittaa odottavien koodien luettelon pyyntöjä (%1).</translation>
    </message>
    <message>
        <source>Could not list the pending device codes: %1</source>
        <translation>Odottavia laitekoodeja ei voitu luetella: %1</translation>
    </message>
    <message>
        <source>Picked from the list. Before you approve, check that the device you are signing in shows &lt;b&gt;%1&lt;/b&gt;. A listed code can belong to anyone&apos;s device.</source>
        <translation>Valittu luettelosta. Tarkista ennen hyväksyntää, että kirjautuva laite näyttää koodin &lt;b&gt;%1&lt;/b&gt;. Luettelon koodi voi kuulua kenen tahansa laitteelle.</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again; the code you entered is kept.</source>
        <translation>Istuntosi päättyi. Kirjaudu uudelleen; syöttämäsi koodi säilyy.</translation>
    </message>
    <message>
        <source>This code was already approved or denied.</source>
        <translation>Tämä koodi on jo hyväksytty tai hylätty.</translation>
    </message>
    <message>
        <source>No such code. Check it against the requesting device (codes are 8 characters, the dash is optional).</source>
        <translation>Koodia ei ole. Vertaa sitä pyytävän laitteen koodiin (koodeissa on 8 merkkiä, väliviiva on valinnainen).</translation>
    </message>
    <message>
        <source>This code has expired. Ask the device to start again.</source>
        <translation>Tämä koodi on vanhentunut. Pyydä laitetta aloittamaan alusta.</translation>
    </message>
    <message>
        <source>Another account has already claimed this code; only it can approve or deny.</source>
        <translation>Toinen tili on jo ottanut tämän koodin; vain se voi hyväksyä tai hylätä sen.</translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation>Hae uudelleen</translation>
    </message>
    <message>
        <source>Sign in first: approving a code signs that device in as you.</source>
        <translation>Kirjaudu ensin: koodin hyväksyminen kirjaa laitteen sisään sinun nimissäsi.</translation>
    </message>
    <message>
        <source>Could not look up %1</source>
        <translation>Koodia %1 ei voitu hakea</translation>
    </message>
    <message>
        <source>The requesting device shows exactly %1, and I started that sign-in</source>
        <translation>Pyytävä laite näyttää täsmälleen koodin %1, ja minä aloitin sen kirjautumisen</translation>
    </message>
    <message>
        <source>(hidden: another account claimed this code)</source>
        <translation>(piilotettu: toinen tili otti tämän koodin)</translation>
    </message>
    <message>
        <source>This code was claimed by another signed-in account. Only that account can approve it.</source>
        <translation>Toinen kirjautunut tili otti tämän koodin. Vain se tili voi hyväksyä sen.</translation>
    </message>
    <message>
        <source>(none requested)</source>
        <translation>(ei pyydetty)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approving signs that device in as you (%1)&lt;/b&gt;, with your admin rights, for the session&apos;s lifetime. Only approve a code you started yourself: a code someone sends you is a common phishing trick.</source>
        <translation>&lt;b&gt;Hyväksyminen kirjaa laitteen sisään sinun nimissäsi (%1)&lt;/b&gt; ylläpito-oikeuksinesi koko istunnon ajaksi. Hyväksy vain itse aloittamasi koodi: jonkun lähettämä koodi on yleinen tietojenkalastelukeino.</translation>
    </message>
    <message>
        <source>Could not approve %1</source>
        <translation>Koodia %1 ei voitu hyväksyä</translation>
    </message>
    <message>
        <source>Could not deny %1</source>
        <translation>Koodia %1 ei voitu hylätä</translation>
    </message>
    <message>
        <source>Approved %1: that device is now signed in as you.</source>
        <translation>%1 hyväksyttiin: laite on nyt kirjautunut sinun nimissäsi.</translation>
    </message>
    <message>
        <source>Denied %1.</source>
        <translation>%1 hylättiin.</translation>
    </message>
    <message>
        <source>Pending device codes</source>
        <translation>Odottavat laitekoodit</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Laitekoodi</translation>
    </message>
</context>
<context>
    <name>DeviceCodesModel</name>
    <message>
        <source>expired</source>
        <translation>vanhentunut</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>juuri nyt</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(tuntematon)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ei mitään)</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation>Vanhenee %1</translation>
    </message>
    <message>
        <source>Compare this code with the one the requesting device shows</source>
        <translation>Vertaa tätä koodia pyytävän laitteen näyttämään koodiin</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Koodi</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Laajuus</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Pyydetty</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Aikaa jäljellä</translation>
    </message>
</context>
<context>
    <name>DeviceFlow</name>
    <message>
        <source>The code expired before it was approved.</source>
        <translation>Koodi vanheni ennen hyväksyntää.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Kirjautuminen peruttiin.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Kirjauduttu.</translation>
    </message>
    <message>
        <source>The sign-in was denied in the browser.</source>
        <translation>Kirjautuminen hylättiin selaimessa.</translation>
    </message>
    <message>
        <source>The server no longer knows this code (%1). Start again.</source>
        <translation>Palvelin ei enää tunne tätä koodia (%1). Aloita alusta.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1 (%2)</source>
        <translation>Palvelin torjui kirjautumisen: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DeviceNotifier</name>
    <message>
        <source>&amp;Notify about device sign-in requests</source>
        <translation>&amp;Ilmoita laitteiden kirjautumispyynnöistä</translation>
    </message>
    <message numerus="yes">
        <source>Pikku Admin: %n device code(s) waiting for approval</source>
        <translation>
            <numerusform>Pikku Admin: %n laitekoodi odottaa hyväksyntää</numerusform>
            <numerusform>Pikku Admin: %n laitekoodia odottaa hyväksyntää</numerusform>
        </translation>
    </message>
    <message>
        <source>A client</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Client &quot;%1&quot;</source>
        <translation>Asiakas &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Device sign-in waiting: %1</source>
        <translation>Laitteen kirjautuminen odottaa: %1</translation>
    </message>
    <message>
        <source>%1 asks to sign in as you. Click to review it; approve only a code you started.</source>
        <translation>%1 pyytää kirjautumista sinuna. Napsauta tarkistaaksesi pyynnön; hyväksy vain itse aloittamasi koodi.</translation>
    </message>
    <message>
        <source>Remind me &amp;daily of keys about to expire</source>
        <translation>Muistuta &amp;päivittäin pian vanhenevista avaimista</translation>
    </message>
    <message numerus="yes">
        <source>%n API key(s) expire within 7 days</source>
        <translation>
            <numerusform>%n API-avain vanhenee 7 päivän kuluessa</numerusform>
            <numerusform>%n API-avainta vanhenee 7 päivän kuluessa</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see them on the API keys page.</source>
        <translation>Napsauta nähdäksesi ne API-avainten sivulla.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>day</source>
        <translation>päivä</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 päivää</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>tunti</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 tuntia</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>minuutti</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minuuttia</translation>
    </message>
    <message>
        <source>second</source>
        <translation>sekunti</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 sekuntia</translation>
    </message>
    <message>
        <source>%1 second ago</source>
        <translation>%1 sekunti sitten</translation>
    </message>
    <message>
        <source>%1 seconds ago</source>
        <translation>%1 sekuntia sitten</translation>
    </message>
    <message>
        <source>in %1 second</source>
        <translation>%1 sekunnin kuluttua</translation>
    </message>
    <message>
        <source>in %1 seconds</source>
        <translation>%1 sekunnin kuluttua</translation>
    </message>
    <message>
        <source>%1 minute ago</source>
        <translation>%1 minuutti sitten</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>%1 minuuttia sitten</translation>
    </message>
    <message>
        <source>in %1 minute</source>
        <translation>%1 minuutin kuluttua</translation>
    </message>
    <message>
        <source>in %1 minutes</source>
        <translation>%1 minuutin kuluttua</translation>
    </message>
    <message>
        <source>%1 hour ago</source>
        <translation>%1 tunti sitten</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>%1 tuntia sitten</translation>
    </message>
    <message>
        <source>in %1 hour</source>
        <translation>%1 tunnin kuluttua</translation>
    </message>
    <message>
        <source>in %1 hours</source>
        <translation>%1 tunnin kuluttua</translation>
    </message>
    <message>
        <source>%1 day ago</source>
        <translation>%1 päivä sitten</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 päivää sitten</translation>
    </message>
    <message>
        <source>in %1 day</source>
        <translation>%1 päivän kuluttua</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>%1 päivän kuluttua</translation>
    </message>
</context>
<context>
    <name>EditKeyDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>Muokkaa: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2…) of %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2…), omistaja %3</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Avain:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nimi:</translation>
    </message>
    <message>
        <source>Accepted by the server (a disabled key is refused until enabled again)</source>
        <translation>Palvelin hyväksyy avaimen (käytöstä poistettu avain torjutaan, kunnes se otetaan taas käyttöön)</translation>
    </message>
    <message>
        <source>Enabled:</source>
        <translation>Käytössä:</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Säilytä: %1</translation>
    </message>
    <message>
        <source>Keep: never expires</source>
        <translation>Säilytä: ei vanhene koskaan</translation>
    </message>
    <message>
        <source>1 day from now</source>
        <translation>1 päivän päästä</translation>
    </message>
    <message>
        <source>%1 days from now</source>
        <translation>%1 päivän päästä</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Muu…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Ei koskaan</translation>
    </message>
    <message>
        <source>e.g. 14d, 36h</source>
        <translation>esim. 14d, 36h</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Vanhenee:</translation>
    </message>
    <message>
        <source>The server allows lifetimes from %1 to %2, counted from now.</source>
        <translation>Palvelin sallii elinajaksi %1–%2 tästä hetkestä laskien.</translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation>&amp;Oikeudet:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Avain</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metatiedot:</translation>
    </message>
    <message>
        <source>Metadata is disabled on this server (the API Key plugin&apos;s enableMetadata is off); it cannot be changed.</source>
        <translation>Metatiedot on poistettu käytöstä tällä palvelimella (API Key -laajennuksen enableMetadata on pois päältä); niitä ei voi muuttaa.</translation>
    </message>
    <message>
        <source>Only stable ids belong in metadata (host, region, ticket); it is readable by anyone who can list keys.</source>
        <translation>Metatietoihin kuuluvat vain pysyvät tunnisteet (palvelin, alue, tiketti); ne voi lukea kuka tahansa, joka voi luetella avaimia.</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Päällä:</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> pyyntöä</translation>
    </message>
    <message>
        <source>e.g. 1h</source>
        <translation>esim. 1h</translation>
    </message>
    <message>
        <source>per</source>
        <translation>/</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Pyyntörajoitus:</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Rajoita:</translation>
    </message>
    <message>
        <source> uses left</source>
        <translation> käyttökertaa jäljellä</translation>
    </message>
    <message>
        <source>Uses:</source>
        <translation>Käyttökerrat:</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Tallenna muutokset</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>not a duration</source>
        <translation>ei kesto</translation>
    </message>
    <message>
        <source>Give the key a name (1 to 32 characters).</source>
        <translation>Anna avaimelle nimi (1–32 merkkiä).</translation>
    </message>
    <message>
        <source>Expiry: &quot;%1&quot; is not a duration (for example 14d, 36h or 90m).</source>
        <translation>Vanheneminen: &quot;%1&quot; ei ole kesto (esimerkiksi 14d, 36h tai 90m).</translation>
    </message>
    <message>
        <source>Expiry: the server allows %1 to %2; %3 is outside.</source>
        <translation>Vanheneminen: palvelin sallii %1–%2; %3 on sen ulkopuolella.</translation>
    </message>
    <message>
        <source>Rate limit: &quot;%1&quot; is not a time window (for example 1h, 1d or 60s).</source>
        <translation>Pyyntörajoitus: &quot;%1&quot; ei ole aikajakso (esimerkiksi 1h, 1d tai 60s).</translation>
    </message>
    <message>
        <source>Uses: the console API cannot remove a use limit once set; set a larger number instead.</source>
        <translation>Käyttökerrat: konsolirajapinta ei voi poistaa kerran asetettua käyttörajaa; aseta sen sijaan suurempi luku.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Mikään ei muuttunut.</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue; what you changed is kept.</source>
        <translation>Istuntosi päättyi. Kirjaudu uudelleen jatkaaksesi; tekemäsi muutokset säilyvät.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Kirjaudu uudelleen</translation>
    </message>
    <message>
        <source>Signed in again. Press Save to continue.</source>
        <translation>Kirjauduttu uudelleen. Jatka painamalla Tallenna muutokset.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
    <message>
        <source>Custom expiry</source>
        <translation>Muu vanhenemisaika</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metatiedot</translation>
    </message>
    <message>
        <source>Requests allowed per window</source>
        <translation>Sallitut pyynnöt jaksoa kohden</translation>
    </message>
    <message>
        <source>Rate limit window</source>
        <translation>Rajoitusjakso</translation>
    </message>
    <message>
        <source>Uses left</source>
        <translation>Käyttökertoja jäljellä</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>invalid URL</source>
        <translation>virheellinen osoite</translation>
    </message>
    <message>
        <source>a request may carry a session or an API key, not both</source>
        <translation>pyynnössä voi olla istunto tai API-avain, ei molempia</translation>
    </message>
    <message>
        <source>your session belongs to %1; it is never sent to %2</source>
        <translation>istuntosi kuuluu palvelimelle %1; sitä ei koskaan lähetetä palvelimelle %2</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>not shown: the tree is limited to %1 entries</source>
        <translation>ei näytetä: puussa on enintään %1 kohtaa</translation>
    </message>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <translation>
            <numerusform>{%n jäsen}</numerusform>
            <numerusform>{%n jäsentä}</numerusform>
        </translation>
    </message>
    <message>
        <source>{…} deeper than %1 levels</source>
        <translation>{…} syvemmällä kuin %1 tasoa</translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n alkio]</numerusform>
            <numerusform>[%n alkiota]</numerusform>
        </translation>
    </message>
    <message>
        <source>[…] deeper than %1 levels</source>
        <translation>[…] syvemmällä kuin %1 tasoa</translation>
    </message>
    <message>
        <source>object</source>
        <translation>olio</translation>
    </message>
    <message>
        <source>array</source>
        <translation>taulukko</translation>
    </message>
    <message>
        <source>string</source>
        <translation>merkkijono</translation>
    </message>
    <message>
        <source>number</source>
        <translation>luku</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>totuusarvo</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Avain</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
</context>
<context>
    <name>KeyFieldEditors</name>
    <message>
        <source>Resource &quot;%1&quot; is listed twice.</source>
        <translation>Resurssi &quot;%1&quot; on luettelossa kahdesti.</translation>
    </message>
    <message>
        <source>Permissions: %1.</source>
        <translation>Oikeudet: %1.</translation>
    </message>
    <message>
        <source>Metadata keys must be non-empty and unique.</source>
        <translation>Metatietojen avainten on oltava ei-tyhjiä ja yksilöllisiä.</translation>
    </message>
</context>
<context>
    <name>KeyOperations</name>
    <message>
        <source>key %1 is not among the %2 keys listed</source>
        <translation>avain %1 ei ole luetelluissa %2 avaimessa</translation>
    </message>
</context>
<context>
    <name>KeyUsageDialog</name>
    <message>
        <source>Key usage</source>
        <translation>Avaimen käyttö</translation>
    </message>
    <message>
        <source>Usage summary</source>
        <translation>Käytön yhteenveto</translation>
    </message>
    <message>
        <source>Verifications per day</source>
        <translation>Tarkistukset päivittäin</translation>
    </message>
    <message>
        <source>Usage of %1</source>
        <translation>Avaimen %1 käyttö</translation>
    </message>
    <message numerus="yes">
        <source>Loading the last %n days…</source>
        <translation>
            <numerusform>Ladataan viimeistä %n päivää…</numerusform>
            <numerusform>Ladataan viimeisiä %n päivää…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 verifications in the last %n days: %2 succeeded, %3 failed, %4 rate-limited (counts may be up to %5 s behind).</source>
        <translation>
            <numerusform>%1 tarkistusta viimeisen %n päivän aikana: %2 onnistui, %3 epäonnistui, %4 rajoitettiin (luvut voivat olla enintään %5 s jäljessä).</numerusform>
            <numerusform>%1 tarkistusta viimeisten %n päivän aikana: %2 onnistui, %3 epäonnistui, %4 rajoitettiin (luvut voivat olla enintään %5 s jäljessä).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyValueEditor</name>
    <message>
        <source>Add a row</source>
        <translation>Lisää rivi</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>Poista valittu rivi</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>avainnippu ei vastannut %1 s:n kuluessa</translation>
    </message>
</context>
<context>
    <name>LiveConnectionsPanel</name>
    <message>
        <source>Live channel connections</source>
        <translation>Live-kanavan yhteydet</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kuka</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Tapa</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Avain</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Sisään</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ulos</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Yhteys</translation>
    </message>
    <message>
        <source>&lt;b&gt;Live channel connections&lt;/b&gt; — updated by pushed events</source>
        <translation>&lt;b&gt;Live-kanavan yhteydet&lt;/b&gt; — päivittyvät palvelimen lähettämistä tapahtumista</translation>
    </message>
    <message>
        <source>Live channel refused (HTTP %1): connections are not shown.</source>
        <translation>Live-kanava torjuttiin (HTTP %1): yhteyksiä ei näytetä.</translation>
    </message>
    <message>
        <source>Live channel unavailable: %1</source>
        <translation>Live-kanava ei ole käytettävissä: %1</translation>
    </message>
    <message>
        <source>Live channel closed: the server ended this console&apos;s session (%1). Sign in again to see connections.</source>
        <translation>Live-kanava suljettiin: palvelin päätti tämän konsolin istunnon (%1). Kirjaudu uudelleen nähdäksesi yhteydet.</translation>
    </message>
    <message>
        <source>Live channel closed (%1).</source>
        <translation>Live-kanava suljettiin (%1).</translation>
    </message>
    <message>
        <source>Live channel lost; reconnecting in %1 s…</source>
        <translation>Yhteys live-kanavaan katkesi; yhdistetään uudelleen %1 s kuluttua…</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Ei kirjauduttu.</translation>
    </message>
    <message>
        <source>Connecting to the live channel…</source>
        <translation>Yhdistetään live-kanavaan…</translation>
    </message>
    <message>
        <source>Key id: %1</source>
        <translation>Avaimen tunnus: %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Osoitteesta %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(nimetön)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
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
        <source>Sign in…</source>
        <translation>Kirjaudu…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Kirjaudu ulos</translation>
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
    <message>
        <source>Audit</source>
        <translation>Tarkastusloki</translation>
    </message>
    <message numerus="yes">
        <source>%n device code(s) waiting for approval</source>
        <translation>
            <numerusform>%n laitekoodi odottaa hyväksyntää</numerusform>
            <numerusform>%n laitekoodia odottaa hyväksyntää</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Käyttäjät</translation>
    </message>
    <message>
        <source>%1. The Overview&apos;s count of keys expiring within 7 days opens them.</source>
        <translation>%1. Yleiskatsauksen 7 päivän kuluessa vanhenevien avainten määrä avaa ne.</translation>
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
        <translation>Luo API-avain</translation>
    </message>
    <message>
        <source>&amp;Owner (service user):</source>
        <translation>&amp;Omistaja (palvelukäyttäjä):</translation>
    </message>
    <message>
        <source>e.g. backup-ws</source>
        <translation>esim. backup-ws</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nimi:</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 päivä</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 päivää</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Muu…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Ei koskaan</translation>
    </message>
    <message>
        <source> days</source>
        <translation> päivää</translation>
    </message>
    <message>
        <source>E&amp;xpires in:</source>
        <translation>&amp;Vanhenee:</translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation>&amp;Oikeudet:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Avain</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <source>M&amp;etadata:</source>
        <translation>&amp;Metatiedot:</translation>
    </message>
    <message>
        <source>Only stable ids belong in metadata (host, region, ticket); it is readable by anyone who can list keys.</source>
        <translation>Metatietoihin kuuluvat vain pysyvät tunnisteet (palvelin, alue, tiketti); ne voi lukea kuka tahansa, joka voi luetella avaimia.</translation>
    </message>
    <message>
        <source>optional, e.g. svc_</source>
        <translation>valinnainen, esim. svc_</translation>
    </message>
    <message>
        <source>P&amp;refix:</source>
        <translation>&amp;Etuliite:</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Palvelimen oletus</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Pois</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Muu</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> pyyntöä</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>minuutissa</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>tunnissa</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>päivässä</translation>
    </message>
    <message>
        <source>R&amp;ate limit:</source>
        <translation>&amp;Pyyntörajoitus:</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Rajoita:</translation>
    </message>
    <message>
        <source> uses</source>
        <translation> käyttökertaa</translation>
    </message>
    <message>
        <source>&amp;Uses:</source>
        <translation>&amp;Käyttökerrat:</translation>
    </message>
    <message>
        <source>&amp;Mint key</source>
        <translation>&amp;Luo avain</translation>
    </message>
    <message>
        <source>Choose the service user that will own the key (create one on the Service users page).</source>
        <translation>Valitse palvelukäyttäjä, joka omistaa avaimen (luo sellainen Palvelukäyttäjät-sivulla).</translation>
    </message>
    <message>
        <source>Give the key a name (1 to 32 characters).</source>
        <translation>Anna avaimelle nimi (1–32 merkkiä).</translation>
    </message>
    <message>
        <source>The server&apos;s default rate limit is %1 requests per %2: every request and every channel connect with this key counts, and a machine key used more often is blocked. Choose Off or Custom for a service.</source>
        <translation>Palvelimen oletusrajoitus on %1 pyyntöä / %2: jokainen tällä avaimella tehty pyyntö ja kanavayhteys lasketaan, ja useammin käytetty koneavain estetään. Valitse palvelulle Pois tai Muu.</translation>
    </message>
    <message>
        <source>Metadata is disabled on this server; it will be refused.</source>
        <translation>Metatiedot on poistettu käytöstä tällä palvelimella; ne torjutaan.</translation>
    </message>
    <message>
        <source>The server&apos;s minimum key lifetime is %1.</source>
        <translation>Palvelimen lyhin sallittu avaimen elinaika on %1.</translation>
    </message>
    <message>
        <source>The server&apos;s maximum key lifetime is %1.</source>
        <translation>Palvelimen pisin sallittu avaimen elinaika on %1.</translation>
    </message>
    <message>
        <source>Minting…</source>
        <translation>Luodaan…</translation>
    </message>
    <message>
        <source>Asking the server for the key&apos;s reply again…</source>
        <translation>Pyydetään palvelimelta avaimen vastausta uudelleen…</translation>
    </message>
    <message>
        <source>Mint again</source>
        <translation>Luo uudelleen</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue; what you typed is kept.</source>
        <translation>Istuntosi päättyi. Kirjaudu uudelleen jatkaaksesi; kirjoittamasi säilyy.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Kirjaudu uudelleen</translation>
    </message>
    <message>
        <source>Signed in again. Press Mint to continue.</source>
        <translation>Kirjauduttu uudelleen. Jatka painamalla Luo avain.</translation>
    </message>
    <message>
        <source>The server&apos;s reply was lost (%1). The key may have been created without its secret reaching you; looking for it…</source>
        <translation>Palvelimen vastaus katosi (%1). Avain on ehkä luotu, mutta sen salaisuus ei tullut perille; etsitään sitä…</translation>
    </message>
    <message>
        <source>The reply was lost and the key list could not be read (%1). Check the keys page for a key named %2 and revoke it.</source>
        <translation>Vastaus katosi, eikä avainluetteloa voitu lukea (%1). Etsi avainsivulta avain nimeltä %2 ja peru se.</translation>
    </message>
    <message>
        <source>The reply was lost, and no key named %1 was created since the request left: nothing was minted. Press Mint to try again.</source>
        <translation>Vastaus katosi, eikä avainta nimeltä %1 ole luotu pyynnön lähdön jälkeen: mitään ei luotu. Yritä uudelleen painamalla Luo avain.</translation>
    </message>
    <message>
        <source>The reply was lost after the server created: %1. The server kept its reply: ask for it again to get the secret (nothing new is minted).</source>
        <translation>Vastaus katosi sen jälkeen, kun palvelin loi avaimen: %1. Palvelin säilytti vastauksensa: pyydä se uudelleen saadaksesi salaisuuden (uutta avainta ei luoda).</translation>
    </message>
    <message>
        <source>&amp;Get the secret</source>
        <translation>&amp;Hae salaisuus</translation>
    </message>
    <message>
        <source>The reply was lost after the server created: %1. Its secret cannot be recovered: revoke it on the keys page, then mint again.</source>
        <translation>Vastaus katosi sen jälkeen, kun palvelin loi avaimen: %1. Sen salaisuutta ei voi palauttaa: peru avain avainsivulla ja luo sitten uusi.</translation>
    </message>
    <message>
        <source>Custom expiry in days</source>
        <translation>Muu vanhenemisaika päivinä</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metatiedot</translation>
    </message>
    <message>
        <source>Requests allowed per window</source>
        <translation>Sallitut pyynnöt jaksoa kohden</translation>
    </message>
    <message>
        <source>Uses allowed</source>
        <translation>Sallitut käyttökerrat</translation>
    </message>
</context>
<context>
    <name>OverviewDashboard</name>
    <message>
        <source>keys expiring within 7 days</source>
        <translation>7 päivän sisällä vanhenevat avaimet</translation>
    </message>
    <message>
        <source>disabled keys</source>
        <translation>käytöstä poistetut avaimet</translation>
    </message>
    <message>
        <source>keys never used</source>
        <translation>koskaan käyttämättömät avaimet</translation>
    </message>
    <message>
        <source>service users</source>
        <translation>palvelukäyttäjät</translation>
    </message>
    <message>
        <source>service users without keys</source>
        <translation>palvelukäyttäjät ilman avaimia</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>istunnot</translation>
    </message>
    <message>
        <source>live connections</source>
        <translation>live-yhteydet</translation>
    </message>
    <message>
        <source>device codes waiting</source>
        <translation>odottavat laitekoodit</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>Yhdellä silmäyksellä</translation>
    </message>
    <message>
        <source>&amp;Refresh counts</source>
        <translation>&amp;Päivitä määrät</translation>
    </message>
    <message>
        <source>Open Service users</source>
        <translation>Avaa Palvelukäyttäjät</translation>
    </message>
    <message>
        <source>Open Sessions</source>
        <translation>Avaa Istunnot</translation>
    </message>
    <message>
        <source>Open Device approvals</source>
        <translation>Avaa Laitehyväksynnät</translation>
    </message>
    <message>
        <source>Open API keys, showing only these</source>
        <translation>Avaa API-avaimet ja näytä vain nämä</translation>
    </message>
    <message>
        <source>Last audit entries</source>
        <translation>Viimeisimmät tarkastusmerkinnät</translation>
    </message>
    <message>
        <source>Double-click: the Audit page, filtered to that target</source>
        <translation>Kaksoisnapsautus: Tarkastusloki-sivu suodatettuna tähän kohteeseen</translation>
    </message>
    <message>
        <source>Counts unavailable: %1</source>
        <translation>Määriä ei saatavilla: %1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Lasketaan…</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>tilanne %1</translation>
    </message>
    <message>
        <source>from the v1 lists (this server has no overview endpoint)</source>
        <translation>v1-luetteloista (tällä palvelimella ei ole yleiskatsauksen päätepistettä)</translation>
    </message>
    <message>
        <source> (this instance only)</source>
        <translation> (vain tämä instanssi)</translation>
    </message>
    <message>
        <source>No audit entries yet.</source>
        <translation>Tarkastusmerkintöjä ei vielä ole.</translation>
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
    <name>OverviewService</name>
    <message>
        <source>needs a server with the console API v1.1 overview</source>
        <translation>vaatii palvelimen, jonka konsolirajapinnassa (v1.1) on yleiskatsaus</translation>
    </message>
    <message>
        <source>not counted by the server above 2,000 service users</source>
        <translation>palvelin ei laske tätä, kun palvelukäyttäjiä on yli 2 000</translation>
    </message>
    <message>
        <source>not given by the server</source>
        <translation>palvelin ei antanut tätä</translation>
    </message>
    <message>
        <source>more than %1 service users: %2</source>
        <translation>yli %1 palvelukäyttäjää: %2</translation>
    </message>
    <message>
        <source>more than %1 keys: %2</source>
        <translation>yli %1 avainta: %2</translation>
    </message>
    <message>
        <source>The last audit entries: %1</source>
        <translation>Viimeisimmät tarkastusmerkinnät: %1</translation>
    </message>
</context>
<context>
    <name>PageNavigator</name>
    <message>
        <source>%1 needs the console plugin on the server: install @pikku-admin/better-auth-console (see server/console-plugin/README.md). Without it: Users, Device approvals and Channels.</source>
        <translation>%1 vaatii palvelimelle konsolilaajennuksen: asenna @pikku-admin/better-auth-console (katso server/console-plugin/README.md). Ilman sitä toimivat Käyttäjät, Laitehyväksynnät ja Kanavat.</translation>
    </message>
</context>
<context>
    <name>PermissionEditor</name>
    <message>
        <source>Permission catalogue</source>
        <translation>Oikeusluettelo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Outside the catalogue:</source>
        <translation>Luettelon ulkopuolella:</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resurssi</translation>
    </message>
    <message>
        <source>Actions (comma-separated)</source>
        <translation>Toiminnot (pilkuin eroteltuina)</translation>
    </message>
    <message>
        <source>Permissions outside the catalogue</source>
        <translation>Luettelon ulkopuoliset oikeudet</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Oikeudet</translation>
    </message>
    <message>
        <source>The server&apos;s permission catalogue is empty: permissions are typed as text.</source>
        <translation>Palvelimen oikeusluettelo on tyhjä: oikeudet kirjoitetaan tekstinä.</translation>
    </message>
    <message>
        <source>This server announces no permission catalogue (console API v1.1 permissions.catalogue): permissions are typed as text.</source>
        <translation>Tämä palvelin ei ilmoita oikeusluetteloa (konsoli-API v1.1 permissions.catalogue): oikeudet kirjoitetaan tekstinä.</translation>
    </message>
    <message>
        <source>&amp;Templates:</source>
        <translation>&amp;Mallit:</translation>
    </message>
    <message>
        <source>Saved permission templates</source>
        <translation>Tallennetut oikeusmallit</translation>
    </message>
    <message>
        <source>App&amp;ly</source>
        <translation>&amp;Käytä</translation>
    </message>
    <message>
        <source>Replace the permissions above with the template&apos;s</source>
        <translation>Korvaa yllä olevat oikeudet mallin oikeuksilla</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>P&amp;oista</translation>
    </message>
    <message>
        <source>Delete the template</source>
        <translation>Poista malli</translation>
    </message>
    <message>
        <source>New template name</source>
        <translation>Uuden mallin nimi</translation>
    </message>
    <message>
        <source>name, e.g. ingest worker</source>
        <translation>nimi, esim. ingest worker</translation>
    </message>
    <message>
        <source>Sa&amp;ve as template</source>
        <translation>&amp;Tallenna malliksi</translation>
    </message>
    <message>
        <source>none saved for this server</source>
        <translation>tälle palvelimelle ei ole tallennettu yhtään</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is gone.</source>
        <translation>Mallia ”%1” ei enää ole.</translation>
    </message>
    <message>
        <source>Applied the template &quot;%1&quot;.</source>
        <translation>Malli ”%1” otettiin käyttöön.</translation>
    </message>
    <message>
        <source>The template was not saved: %1.</source>
        <translation>Mallia ei tallennettu: %1.</translation>
    </message>
    <message>
        <source>Saved the template &quot;%1&quot; for this server.</source>
        <translation>Malli ”%1” tallennettiin tälle palvelimelle.</translation>
    </message>
    <message>
        <source>Deleted the template &quot;%1&quot;.</source>
        <translation>Malli ”%1” poistettiin.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>reconnecting in %1 ms (attempt %2)</source>
        <translation>yhdistetään uudelleen %1 ms:n kuluttua (yritys %2)</translation>
    </message>
</context>
<context>
    <name>RevealKeyDialog</name>
    <message>
        <source>Key rotated</source>
        <translation>Avain kierrätetty</translation>
    </message>
    <message>
        <source>Key minted</source>
        <translation>Avain luotu</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; for %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; käyttäjälle %2</translation>
    </message>
    <message>
        <source>Copy the secret now. It is shown this once and cannot be retrieved again; the server only keeps a hash.</source>
        <translation>Kopioi salaisuus nyt. Se näytetään vain tämän kerran, eikä sitä voi hakea uudelleen; palvelin säilyttää vain tiivisteen.</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Uusi salaisuus</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopioi</translation>
    </message>
    <message>
        <source>C&amp;lear now</source>
        <translation>&amp;Tyhjennä nyt</translation>
    </message>
    <message>
        <source>Remove the secret from the clipboard now</source>
        <translation>Poista salaisuus leikepöydältä nyt</translation>
    </message>
    <message>
        <source>The previous key (%1…) keeps working until %2, so clients can move over. Once this window is closed, the rotate window follows its last use.</source>
        <translation>Edellinen avain (%1…) toimii %2 asti, jotta asiakkaat ehtivät siirtyä. Kun tämä ikkuna on suljettu, kierrätysikkuna seuraa sen viimeisintä käyttöä.</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared when the countdown ends (if it still holds this key) and when Pikku Admin quits.</source>
        <translation>Kopioitu. Leikepöytä tyhjennetään, kun lähtölaskenta päättyy (jos siinä on yhä tämä avain) ja kun Pikku Admin suljetaan.</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Leikepöytä tyhjennettiin.</translation>
    </message>
    <message numerus="yes">
        <source>The clipboard is cleared in %n s.</source>
        <translation>
            <numerusform>Leikepöytä tyhjennetään %n s kuluttua.</numerusform>
            <numerusform>Leikepöytä tyhjennetään %n s kuluttua.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close without copying?</source>
        <translation>Suljetaanko kopioimatta?</translation>
    </message>
    <message>
        <source>The secret has not been copied. Once this window closes it cannot be shown again; you would have to rotate or mint a new key.</source>
        <translation>Salaisuutta ei ole kopioitu. Kun tämä ikkuna sulkeutuu, sitä ei voi näyttää uudelleen; avain pitäisi kierrättää tai luoda uusi.</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Sulje silti</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <source>No overlap: retire the old key at once</source>
        <translation>Ei siirtymäaikaa: lakkauta vanha avain heti</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minuuttia</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 tunti</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 päivä</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 päivää</translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>Kierrätä %1</translation>
    </message>
    <message>
        <source>A new key for &lt;b&gt;%1&lt;/b&gt; is minted with the same name, permissions, metadata, enabled state and limits, and its secret is shown once. The old key (%2…) can keep working for a while so clients can switch over.</source>
        <translation>Käyttäjälle &lt;b&gt;%1&lt;/b&gt; luodaan uusi avain samalla nimellä, samoilla oikeuksilla, metatiedoilla, käyttötilalla ja rajoituksilla, ja sen salaisuus näytetään kerran. Vanha avain (%2…) voi toimia vielä hetken, jotta asiakkaat ehtivät vaihtaa.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The old key keeps working for:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vanha avain toimii vielä:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Custom:</source>
        <translation>Muu:</translation>
    </message>
    <message>
        <source>e.g. 90s, 30m, 12h, 3d</source>
        <translation>esim. 90s, 30m, 12h, 3d</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Kierrätä</translation>
    </message>
    <message>
        <source>Stops working:</source>
        <translation>Lakkaa toimimasta:</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Viimeksi käytetty:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Pyynnöt:</translation>
    </message>
    <message>
        <source>Once its last use stops moving, every client has switched: retire it then, or let it expire.</source>
        <translation>Kun viimeisin käyttöaika ei enää muutu, kaikki asiakkaat ovat vaihtaneet: lakkauta avain silloin tai anna sen vanhentua.</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>&amp;Päivitä nyt</translation>
    </message>
    <message>
        <source>Re&amp;tire old key now…</source>
        <translation>&amp;Lakkauta vanha avain nyt…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sulje</translation>
    </message>
    <message>
        <source>Enter the custom overlap, for example 90s, 30m, 12h or 3d.</source>
        <translation>Anna oma siirtymäaika, esimerkiksi 90s, 30m, 12h tai 3d.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 30m, 12h or 3d.</source>
        <translation>&quot;%1&quot; ei ole kesto; kirjoita esimerkiksi 90s, 30m, 12h tai 3d.</translation>
    </message>
    <message>
        <source>The old key (%1…) stops working &lt;b&gt;as soon as the new key is minted&lt;/b&gt;: clients still using it are refused from then on.</source>
        <translation>Vanha avain (%1…) lakkaa toimimasta &lt;b&gt;heti, kun uusi avain on luotu&lt;/b&gt;: sitä yhä käyttävät asiakkaat torjutaan siitä lähtien.</translation>
    </message>
    <message>
        <source>The old key (%1…) keeps working until &lt;b&gt;%2&lt;/b&gt;: its own expiry comes before the end of a %3 overlap.</source>
        <translation>Vanha avain (%1…) toimii &lt;b&gt;%2&lt;/b&gt; asti: sen oma vanheneminen tulee ennen siirtymäajan (%3) loppua.</translation>
    </message>
    <message>
        <source>The old key (%1…) keeps working until &lt;b&gt;%2&lt;/b&gt; (%3 from now), then it is refused. You can retire it earlier from the next step.</source>
        <translation>Vanha avain (%1…) toimii &lt;b&gt;%2&lt;/b&gt; asti (vielä %3), minkä jälkeen se torjutaan. Voit lakkauttaa sen aiemmin seuraavassa vaiheessa.</translation>
    </message>
    <message>
        <source>Rotating…</source>
        <translation>Kierrätetään…</translation>
    </message>
    <message>
        <source>Asking the server for the rotation&apos;s reply again…</source>
        <translation>Pyydetään palvelimelta kierrätyksen vastausta uudelleen…</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again, then press Rotate.</source>
        <translation>Istuntosi päättyi. Kirjaudu uudelleen ja paina sitten Kierrätä.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Kirjaudu uudelleen</translation>
    </message>
    <message>
        <source>Signed in again. Press Rotate to continue.</source>
        <translation>Kirjauduttu uudelleen. Jatka painamalla Kierrätä.</translation>
    </message>
    <message>
        <source>Not rotated: %1</source>
        <translation>Ei kierrätetty: %1</translation>
    </message>
    <message>
        <source>The server&apos;s reply was lost (%1). Checking what the server did…</source>
        <translation>Palvelimen vastaus katosi (%1). Tarkistetaan, mitä palvelin teki…</translation>
    </message>
    <message>
        <source>The server kept its reply: ask for it again to get the new secret.</source>
        <translation>Palvelin säilytti vastauksensa: pyydä se uudelleen saadaksesi uuden salaisuuden.</translation>
    </message>
    <message>
        <source>&amp;Get the new secret</source>
        <translation>&amp;Hae uusi salaisuus</translation>
    </message>
    <message>
        <source>Revoke the new key on the keys page, or rotate it with no overlap to get a secret for it.</source>
        <translation>Peru uusi avain avainsivulla tai kierrätä se ilman siirtymäaikaa saadaksesi sille salaisuuden.</translation>
    </message>
    <message>
        <source>Check the keys page before rotating again.</source>
        <translation>Tarkista avainsivu ennen kuin kierrätät uudelleen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 was rotated: the new key (%3…) is the one to use. The previous key (%4…) is shown below, refreshed from the server every %5 s, so you can watch its traffic stop before you retire it.</source>
        <translation>Käyttäjän %2 avain &lt;b&gt;%1&lt;/b&gt; kierrätettiin: käytä uutta avainta (%3…). Edellinen avain (%4…) näkyy alla, ja sen tiedot päivitetään palvelimelta %5 s välein, joten voit seurata sen liikenteen loppumista ennen kuin lakkautat sen.</translation>
    </message>
    <message>
        <source>Rotated %1: the previous key</source>
        <translation>%1 kierrätetty: edellinen avain</translation>
    </message>
    <message>
        <source>never (it has no expiry)</source>
        <translation>ei koskaan (sillä ei ole vanhenemisaikaa)</translation>
    </message>
    <message>
        <source>stopped working at %1</source>
        <translation>lakkasi toimimasta %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ei koskaan</translation>
    </message>
    <message>
        <source>%1 in the current rate-limit window</source>
        <translation>%1 nykyisessä rajoitusjaksossa</translation>
    </message>
    <message>
        <source>%1 (counted only while a rate limit is on)</source>
        <translation>%1 (lasketaan vain, kun pyyntörajoitus on päällä)</translation>
    </message>
    <message>
        <source>Could not refresh at %1: %2 Trying again in %3 s.</source>
        <translation>Päivitys epäonnistui klo %1: %2 Yritetään uudelleen %3 s kuluttua.</translation>
    </message>
    <message>
        <source>Checked at %1; refreshed every %2 s.</source>
        <translation>Tarkistettu klo %1; päivitetään %2 s välein.</translation>
    </message>
    <message>
        <source>Checked at %1.</source>
        <translation>Tarkistettu klo %1.</translation>
    </message>
    <message>
        <source>Checked at %1: the owner has more than %2 keys and the previous one is not among the newest; see the keys page.</source>
        <translation>Tarkistettu klo %1: omistajalla on yli %2 avainta, eikä edellinen ole uusimpien joukossa; katso avainsivu.</translation>
    </message>
    <message>
        <source>no longer on the server: it expired or was revoked</source>
        <translation>ei enää palvelimella: se vanheni tai peruttiin</translation>
    </message>
    <message>
        <source>Checked at %1: the previous key is gone.</source>
        <translation>Tarkistettu klo %1: edellinen avain on poistunut.</translation>
    </message>
    <message>
        <source>Retire the old key</source>
        <translation>Lakkauta vanha avain</translation>
    </message>
    <message>
        <source>Revoke the previous key &lt;b&gt;%1&lt;/b&gt; (%2…) of &lt;b&gt;%3&lt;/b&gt; now, before its overlap ends? Clients still using it are refused from now on; this cannot be undone.</source>
        <translation>Perutaanko käyttäjän &lt;b&gt;%3&lt;/b&gt; edellinen avain &lt;b&gt;%1&lt;/b&gt; (%2…) nyt, ennen siirtymäajan loppua? Sitä yhä käyttävät asiakkaat torjutaan tästä lähtien; tätä ei voi kumota.</translation>
    </message>
    <message>
        <source>Retire now</source>
        <translation>Lakkauta nyt</translation>
    </message>
    <message>
        <source>Not retired: %1</source>
        <translation>Ei lakkautettu: %1</translation>
    </message>
    <message>
        <source>retired at %1</source>
        <translation>lakkautettu %1</translation>
    </message>
    <message>
        <source>The previous key was revoked: it is refused from now on.</source>
        <translation>Edellinen avain peruttiin: se torjutaan tästä lähtien.</translation>
    </message>
    <message>
        <source>Retired the previous key %1…</source>
        <translation>Edellinen avain %1… lakkautettiin</translation>
    </message>
    <message>
        <source>Custom overlap</source>
        <translation>Oma siirtymäaika</translation>
    </message>
    <message>
        <source>Verifications of the old and the new key per hour</source>
        <translation>Vanhan ja uuden avaimen tarkistukset tunneittain</translation>
    </message>
    <message>
        <source>Usage not read: %1</source>
        <translation>Käyttöä ei luettu: %1</translation>
    </message>
    <message>
        <source>old key</source>
        <translation>vanha avain</translation>
    </message>
    <message>
        <source>new key</source>
        <translation>uusi avain</translation>
    </message>
    <message>
        <source>Last 24 hours, per hour (left bar: old key, right bar: new key): old key %1 succeeded, %2 failed; new key %3 succeeded, %4 failed.</source>
        <translation>Viimeiset 24 tuntia tunneittain (vasen palkki: vanha avain, oikea palkki: uusi avain): vanha avain %1 onnistui, %2 epäonnistui; uusi avain %3 onnistui, %4 epäonnistui.</translation>
    </message>
</context>
<context>
    <name>RotationState</name>
    <message>
        <source>the old key %1 (%2…) stopped working at %3</source>
        <translation>vanha avain %1 (%2…) lakkasi toimimasta %3</translation>
    </message>
    <message>
        <source>the old key %1 (%2…) now stops working at %3</source>
        <translation>vanha avain %1 (%2…) lakkaa nyt toimimasta %3</translation>
    </message>
    <message>
        <source>the old key %1 is gone</source>
        <translation>vanha avain %1 on poistunut</translation>
    </message>
    <message>
        <source>The reply was lost, but nothing changed on the server: the old key %1 (%2…) works as before (expires %3) and no new key was minted. Rotating again is safe.</source>
        <translation>Vastaus katosi, mutta palvelimella mikään ei muuttunut: vanha avain %1 (%2…) toimii kuten ennen (vanhenee %3), eikä uutta avainta luotu. Kierrättäminen uudelleen on turvallista.</translation>
    </message>
    <message>
        <source>%1 (%2…, created %3)</source>
        <translation>%1 (%2…, luotu %3)</translation>
    </message>
    <message>
        <source>The rotation reached the server: %1; the new key %2 exists, but its secret did not reach you.</source>
        <translation>Kierrätys tuli palvelimelle perille: %1; uusi avain %2 on olemassa, mutta sen salaisuus ei tullut sinulle.</translation>
    </message>
    <message>
        <source>The reply was lost: %1, but no new key of the same name was found.</source>
        <translation>Vastaus katosi: %1, mutta samannimistä uutta avainta ei löytynyt.</translation>
    </message>
    <message>
        <source>The reply was lost, and what the server did could not be checked (%1): the old key %2 may now be retiring and a new key of the same name may exist without its secret.</source>
        <translation>Vastaus katosi, eikä palvelimen toimia voitu tarkistaa (%1): vanha avain %2 saattaa olla poistumassa käytöstä, ja samanniminen uusi avain voi olla olemassa ilman salaisuuttaan.</translation>
    </message>
    <message>
        <source>the old key is beyond the first 1000 listed</source>
        <translation>vanha avain ei ole 1000 ensimmäisen luetellun joukossa</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server</source>
        <translation>Palvelin</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Palvelimen &amp;osoite:</translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation>https://api.example.com</translation>
    </message>
    <message>
        <source>&amp;Auth path:</source>
        <translation>&amp;Tunnistuspolku:</translation>
    </message>
    <message>
        <source>detect (/api/auth, then /auth)</source>
        <translation>tunnista (/api/auth, sitten /auth)</translation>
    </message>
    <message>
        <source>&amp;Detect</source>
        <translation>Tunn&amp;ista</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nimi:</translation>
    </message>
    <message>
        <source>optional, e.g. Production</source>
        <translation>valinnainen, esim. Tuotanto</translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP to this non-loopback host (tokens travel unencrypted)</source>
        <translation>Salli salaamaton &amp;HTTP tälle ei-paikalliselle palvelimelle (tunnisteet kulkevat salaamattomina)</translation>
    </message>
    <message>
        <source>Plain http:// to a host that is not this machine would send your session token unencrypted. Use https://, or tick the box to allow it for this server.</source>
        <translation>Salaamaton http://-yhteys muuhun kuin tähän koneeseen lähettäisi istuntotunnisteesi salaamattomana. Käytä https://-osoitetta tai salli se tälle palvelimelle valitsemalla ruutu.</translation>
    </message>
    <message>
        <source>Looking for better-auth on %1…</source>
        <translation>Etsitään better-authia palvelimelta %1…</translation>
    </message>
    <message>
        <source>Found better-auth at %1.</source>
        <translation>better-auth löytyi osoitteesta %1.</translation>
    </message>
</context>
<context>
    <name>ServerSwitcher</name>
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
</context>
<context>
    <name>ServerUrl</name>
    <message>
        <source>No server URL given.</source>
        <translation>Palvelimen osoitetta ei annettu.</translation>
    </message>
    <message>
        <source>Not a usable http(s) URL: %1</source>
        <translation>Ei käyttökelpoinen http(s)-osoite: %1</translation>
    </message>
    <message>
        <source>The server gave no verification address.</source>
        <translation>Palvelin ei antanut vahvistusosoitetta.</translation>
    </message>
    <message>
        <source>The server&apos;s verification address is not an http(s) URL; it is not opened.</source>
        <translation>Palvelimen vahvistusosoite ei ole http(s)-osoite; sitä ei avata.</translation>
    </message>
    <message>
        <source>The server&apos;s verification address carries a user name; it is not opened.</source>
        <translation>Palvelimen vahvistusosoitteessa on käyttäjänimi; sitä ei avata.</translation>
    </message>
    <message>
        <source>The verification page is on %1, not on the server you sign in to (%2). Open it only if you trust that host.</source>
        <translation>Vahvistussivu on palvelimella %1 eikä palvelimella, jolle kirjaudut (%2). Avaa se vain, jos luotat siihen palvelimeen.</translation>
    </message>
</context>
<context>
    <name>ServiceUserOperations</name>
    <message>
        <source>a name is needed</source>
        <translation>nimi tarvitaan</translation>
    </message>
    <message>
        <source>a name has at most %1 characters (this one has %2)</source>
        <translation>nimessä on enintään %1 merkkiä (tässä on %2)</translation>
    </message>
    <message>
        <source>a name cannot hold control characters</source>
        <translation>nimessä ei voi olla ohjausmerkkejä</translation>
    </message>
    <message>
        <source>no answer (%1): it may have been carried out; not re-sent, check before trying again</source>
        <translation>ei vastausta (%1): toiminto on ehkä jo tehty; ei lähetetty uudelleen, tarkista ennen kuin yrität uudelleen</translation>
    </message>
    <message>
        <source>disabled, with %1</source>
        <translation>poistettu käytöstä, mukana %1</translation>
    </message>
    <message>
        <source>enabled; %1 on again</source>
        <translation>otettu käyttöön; %1 taas käytössä</translation>
    </message>
    <message>
        <source>deleted, with %1</source>
        <translation>poistettu, mukana %1</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>käytössä</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>poissa käytöstä</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>peruttu</translation>
    </message>
    <message>
        <source>its keys could not be counted</source>
        <translation>sen avaimia ei voitu laskea</translation>
    </message>
    <message>
        <source>its keys could not be counted (%1)</source>
        <translation>sen avaimia ei voitu laskea (%1)</translation>
    </message>
    <message>
        <source>%1 %2: %3.</source>
        <translation>%1 %2: %3.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Ota käyttöön</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>Every key of each is disabled, each is banned, and their live channels close. Enable brings back only the keys this turns off.</source>
        <translation>Jokaisen kaikki avaimet poistetaan käytöstä, jokainen estetään ja niiden live-kanavat suljetaan. Käyttöönotto palauttaa vain ne avaimet, jotka tämä poistaa käytöstä.</translation>
    </message>
    <message>
        <source>Each is unbanned; only the keys its disable turned off work again.</source>
        <translation>Jokaisen esto poistetaan; vain ne avaimet, jotka käytöstä poisto sulki, toimivat taas.</translation>
    </message>
    <message>
        <source>This deletes %1 with them; they stop working at once and cannot be restored.</source>
        <translation>Niiden mukana poistuu %1; ne lakkaavat toimimasta heti, eikä niitä voi palauttaa.</translation>
    </message>
    <message>
        <source>%1 whose keys could not be counted will not be sent.</source>
        <translation>Lähettämättä jää %1: avaimia ei voitu laskea.</translation>
    </message>
    <message>
        <source>They stop working at once; their live channels close.</source>
        <translation>Ne lakkaavat toimimasta heti; niiden live-kanavat suljetaan.</translation>
    </message>
    <message>
        <source>They work again (within their expiry and limits).</source>
        <translation>Ne toimivat taas (vanhenemisaikansa ja rajojensa puitteissa).</translation>
    </message>
    <message>
        <source>They are deleted and stop working at once; this cannot be undone.</source>
        <translation>Ne poistetaan ja lakkaavat toimimasta heti; tätä ei voi perua.</translation>
    </message>
    <message>
        <source>Those clients are signed out at once and their open channels close.</source>
        <translation>Ne asiakkaat kirjataan heti ulos, ja niiden avoimet kanavat suljetaan.</translation>
    </message>
    <message>
        <source>%1 %2?</source>
        <translation>%1 %2?</translation>
    </message>
    <message>
        <source>deletes %1</source>
        <translation>poistuu %1</translation>
    </message>
    <message>
        <source>keys not counted, not sent</source>
        <translation>avaimia ei laskettu, ei lähetetty</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>ja %1 muuta</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>ei lähetetty: %1</translation>
    </message>
    <message>
        <source>%1 key</source>
        <translation>%1 avain</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 avainta</translation>
    </message>
    <message>
        <source>%1 service user</source>
        <translation>%1 palvelukäyttäjä</translation>
    </message>
    <message>
        <source>%1 service users</source>
        <translation>%1 palvelukäyttäjää</translation>
    </message>
    <message>
        <source>%1 session</source>
        <translation>%1 istunto</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 istuntoa</translation>
    </message>
    <message>
        <source>%1 user</source>
        <translation>%1 käyttäjä</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 käyttäjää</translation>
    </message>
    <message>
        <source>Rename, disable, enable and delete need the console plugin&apos;s service-user lifecycle (console API v1.1): update @pikku-admin/better-auth-console on the server.</source>
        <translation>Uudelleennimeäminen, käytöstä poisto, käyttöön otto ja poistaminen vaativat konsolilaajennuksen palvelukäyttäjien elinkaaren (konsoli-API v1.1): päivitä @pikku-admin/better-auth-console palvelimella.</translation>
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
        <translation>Valitse kaksoisnapsautuksella; Ctrl+C tai &quot;Kopioi tunnus&quot; kopioi sen</translation>
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
        <translation>Hae nimellä tai sähköpostilla (palvelimelta)</translation>
    </message>
    <message>
        <source>Search service users</source>
        <translation>Hae palvelukäyttäjiä</translation>
    </message>
    <message>
        <source>New service user…</source>
        <translation>Uusi palvelukäyttäjä…</translation>
    </message>
    <message>
        <source>Service users</source>
        <translation>Palvelukäyttäjät</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Lataa lisää</translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation>Kopioi tunnus</translation>
    </message>
    <message>
        <source>Copy the selected user&apos;s id (for the CLI&apos;s --user ID)</source>
        <translation>Kopioi valitun käyttäjän tunnus (komentorivin --user ID -valitsinta varten)</translation>
    </message>
    <message>
        <source>Service user id</source>
        <translation>Palvelukäyttäjän tunnus</translation>
    </message>
    <message>
        <source>Sorts the users loaded so far; the search runs on the server</source>
        <translation>Lajittelee tähän asti ladatut käyttäjät; haku tehdään palvelimella</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Luo</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Sign in to manage service users.</source>
        <translation>Kirjaudu sisään hallitaksesi palvelukäyttäjiä.</translation>
    </message>
    <message>
        <source>Created %1 &lt;%2&gt;.</source>
        <translation>%1 &lt;%2&gt; luotiin.</translation>
    </message>
    <message>
        <source>Mint a key…</source>
        <translation>Luo avain…</translation>
    </message>
    <message>
        <source>Copied the id of %1: %2</source>
        <translation>Käyttäjän %1 tunnus kopioitiin: %2</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Nimeä &amp;uudelleen…</translation>
    </message>
    <message>
        <source>Rename the selected service user</source>
        <translation>Nimeä valittu palvelukäyttäjä uudelleen</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>Poista &amp;käytöstä…</translation>
    </message>
    <message>
        <source>Disable the selected service users: every key off, banned, live channels closed</source>
        <translation>Poista valitut palvelukäyttäjät käytöstä: kaikki avaimet pois käytöstä, esto päälle, live-kanavat suljetaan</translation>
    </message>
    <message>
        <source>E&amp;nable…</source>
        <translation>&amp;Ota käyttöön…</translation>
    </message>
    <message>
        <source>Enable the selected service users and the keys their disable turned off</source>
        <translation>Ota käyttöön valitut palvelukäyttäjät ja avaimet, jotka niiden käytöstä poisto sulki</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Poista…</translation>
    </message>
    <message>
        <source>Delete the selected service users with all their keys (the confirmation counts them)</source>
        <translation>Poista valitut palvelukäyttäjät kaikkine avaimineen (vahvistus kertoo avainten määrän)</translation>
    </message>
    <message>
        <source>Rename service user</source>
        <translation>Nimeä palvelukäyttäjä uudelleen</translation>
    </message>
    <message>
        <source>New name for %1 (id %2), 1 to %3 characters:</source>
        <translation>Uusi nimi kohteelle %1 (tunnus %2), 1–%3 merkkiä:</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Nimeä &amp;uudelleen</translation>
    </message>
    <message>
        <source>Not renamed: %1.</source>
        <translation>Nimeä ei vaihdettu: %1.</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>Uusi nimi on %1.</translation>
    </message>
    <message>
        <source>Service-user lifecycle unavailable</source>
        <translation>Palvelukäyttäjien elinkaari ei käytettävissä</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>&lt;b&gt;Sessions&lt;/b&gt; (people signed in; tokens are never shown)</source>
        <translation>&lt;b&gt;Istunnot&lt;/b&gt; (kirjautuneet henkilöt; tunnisteita ei koskaan näytetä)</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Peru…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Istunnot</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Lataa lisää</translation>
    </message>
    <message>
        <source>Sorts the sessions loaded so far</source>
        <translation>Lajittelee tähän asti ladatut istunnot</translation>
    </message>
    <message>
        <source>Sign in to see sessions.</source>
        <translation>Kirjaudu sisään nähdäksesi istunnot.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Load more (%1 left)</source>
        <translation>Lataa lisää (%1 jäljellä)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tuntematon</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This is the session this console is using; you will be signed out.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Revoking it ends this console&apos;s sign-in on the server at once, closes its live channel, and forgets the saved sign-in here. You will need to sign in again to continue.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tämä konsoli käyttää tätä istuntoa; sinut kirjataan ulos.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Istunnon peruminen päättää tämän konsolin kirjautumisen palvelimella heti, sulkee sen live-kanavan ja unohtaa täällä tallennetun kirjautumisen. Jatkaaksesi sinun on kirjauduttava uudelleen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Revoke this session of &lt;b&gt;%1&lt;/b&gt;?&lt;/p&gt;&lt;p&gt;Client: %2&lt;br&gt;From: %3&lt;br&gt;Signed in: %4&lt;/p&gt;&lt;p&gt;That client is signed out at once and its open channels close.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Perutaanko käyttäjän &lt;b&gt;%1&lt;/b&gt; tämä istunto?&lt;/p&gt;&lt;p&gt;Asiakas: %2&lt;br&gt;Osoitteesta: %3&lt;br&gt;Kirjautunut: %4&lt;/p&gt;&lt;p&gt;Asiakas kirjataan heti ulos ja sen avoimet kanavat suljetaan.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Revoke this console&apos;s session</source>
        <translation>Peru tämän konsolin istunto</translation>
    </message>
    <message>
        <source>Revoke session</source>
        <translation>Peru istunto</translation>
    </message>
    <message>
        <source>Revoke and sign out</source>
        <translation>Peru ja kirjaudu ulos</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>Session revoked.</source>
        <translation>Istunto peruttiin.</translation>
    </message>
    <message>
        <source>This console&apos;s session is revoked and you are signed out, but the keychain entry could not be removed: %1</source>
        <translation>Tämän konsolin istunto on peruttu ja sinut on kirjattu ulos, mutta avainnipun merkintää ei voitu poistaa: %1</translation>
    </message>
    <message>
        <source>This console&apos;s session is revoked; you are signed out.</source>
        <translation>Tämän konsolin istunto on peruttu; sinut on kirjattu ulos.</translation>
    </message>
    <message>
        <source>unknown client</source>
        <translation>tuntematon asiakas</translation>
    </message>
    <message>
        <source>this console&apos;s own session (revoke it alone: that signs this console out)</source>
        <translation>tämän konsolin oma istunto (peru se erikseen: se kirjaa tämän konsolin ulos)</translation>
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
    <name>UsageChart</name>
    <message numerus="yes">
        <source>%1 succeeded, %2 failed, %3 rate-limited in %n days; busiest bucket %4</source>
        <translation>
            <numerusform>%1 onnistui, %2 epäonnistui, %3 rajoitettiin %n päivässä; vilkkain jakso %4</numerusform>
            <numerusform>%1 onnistui, %2 epäonnistui, %3 rajoitettiin %n päivässä; vilkkain jakso %4</numerusform>
        </translation>
    </message>
    <message>
        <source>No usage loaded</source>
        <translation>Käyttöä ei ladattu</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>onnistui</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>epäonnistui</translation>
    </message>
    <message>
        <source>rate-limited</source>
        <translation>rajoitettiin</translation>
    </message>
    <message>
        <source>right bar: %1</source>
        <translation>oikea palkki: %1</translation>
    </message>
</context>
<context>
    <name>UsageService</name>
    <message>
        <source>This server does not count key usage (its console plugin does not announce &quot;api-keys.usage&quot;: console API v1.1 with keyUsage needed).</source>
        <translation>Tämä palvelin ei laske avainten käyttöä (sen konsolilaajennus ei ilmoita ”api-keys.usage”: tarvitaan konsoli-API v1.1 ja keyUsage).</translation>
    </message>
    <message>
        <source>days must be 1 to %1</source>
        <translation>päiviä on oltava 1–%1</translation>
    </message>
    <message>
        <source>hour buckets cover at most %1 days</source>
        <translation>tuntijaksot kattavat enintään %1 päivää</translation>
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
        <translation>Esiintyjä</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Selain</translation>
    </message>
</context>
<context>
    <name>UsersAdminPage</name>
    <message>
        <source>Email contains…</source>
        <translation>Sähköposti sisältää…</translation>
    </message>
    <message>
        <source>Search users by email</source>
        <translation>Hae käyttäjiä sähköpostin perusteella</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Päivitä</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Käyttäjät</translation>
    </message>
    <message>
        <source>&amp;Ban…</source>
        <translation>&amp;Estä…</translation>
    </message>
    <message>
        <source>U&amp;nban</source>
        <translation>Poista est&amp;o</translation>
    </message>
    <message>
        <source>Set r&amp;oles…</source>
        <translation>Aseta &amp;roolit…</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Lataa lisää</translation>
    </message>
    <message>
        <source>Pick a user to see their sessions.</source>
        <translation>Valitse käyttäjä nähdäksesi hänen istuntonsa.</translation>
    </message>
    <message>
        <source>Sessions of the selected user</source>
        <translation>Valitun käyttäjän istunnot</translation>
    </message>
    <message>
        <source>Re&amp;voke session</source>
        <translation>Peru &amp;istunto</translation>
    </message>
    <message>
        <source>Revoke &amp;all sessions</source>
        <translation>Peru &amp;kaikki istunnot</translation>
    </message>
    <message>
        <source>Sign in to see users.</source>
        <translation>Kirjaudu sisään nähdäksesi käyttäjät.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Sessions of %1</source>
        <translation>Käyttäjän %1 istunnot</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>Estä %1</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere and cannot sign in while banned. Their API keys keep working until you revoke them.</source>
        <translation>%1 kirjataan ulos kaikkialta, eikä hän voi kirjautua eston aikana. Hänen API-avaimensa toimivat, kunnes perut ne.</translation>
    </message>
    <message>
        <source>Ban reason</source>
        <translation>Eston syy</translation>
    </message>
    <message>
        <source>never (or 7d, 12h, 90m)</source>
        <translation>ei koskaan (tai 7d, 12h, 90m)</translation>
    </message>
    <message>
        <source>Ban ends after</source>
        <translation>Esto päättyy ajan kuluttua</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Syy:</translation>
    </message>
    <message>
        <source>&amp;Ends after:</source>
        <translation>&amp;Päättyy ajassa:</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Estä</translation>
    </message>
    <message>
        <source>&quot;Ends after&quot; takes a duration such as 7d, 12h or 90m, or nothing for never.</source>
        <translation>&quot;Päättyy ajassa&quot; ottaa keston, kuten 7d, 12h tai 90m, tai tyhjän, jos esto ei pääty koskaan.</translation>
    </message>
    <message>
        <source>%1 is banned.</source>
        <translation>%1 on estetty.</translation>
    </message>
    <message>
        <source>%1 is no longer banned.</source>
        <translation>%1 ei ole enää estetty.</translation>
    </message>
    <message>
        <source>Roles of %1</source>
        <translation>Käyttäjän %1 roolit</translation>
    </message>
    <message>
        <source>Roles, comma-separated</source>
        <translation>Roolit pilkuin erotettuina</translation>
    </message>
    <message>
        <source>&amp;Roles:</source>
        <translation>&amp;Roolit:</translation>
    </message>
    <message>
        <source>Set roles</source>
        <translation>Aseta roolit</translation>
    </message>
    <message>
        <source>Roles: %1</source>
        <translation>Roolit: %1</translation>
    </message>
    <message>
        <source>The roles of %1 are set.</source>
        <translation>Käyttäjän %1 roolit on asetettu.</translation>
    </message>
    <message>
        <source>This is the session this console is using: use Sign out to end it.</source>
        <translation>Tämä konsoli käyttää tätä istuntoa: päätä se Kirjaudu ulos -toiminnolla.</translation>
    </message>
    <message>
        <source>Revoke session</source>
        <translation>Peru istunto</translation>
    </message>
    <message>
        <source>&lt;p&gt;Revoke this session of &lt;b&gt;%1&lt;/b&gt;?&lt;/p&gt;&lt;p&gt;Client: %2&lt;/p&gt;&lt;p&gt;That client is signed out at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Perutaanko käyttäjän &lt;b&gt;%1&lt;/b&gt; tämä istunto?&lt;/p&gt;&lt;p&gt;Asiakas: %2&lt;/p&gt;&lt;p&gt;Asiakas kirjataan heti ulos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tuntematon</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Peru</translation>
    </message>
    <message>
        <source>Session revoked.</source>
        <translation>Istunto peruttiin.</translation>
    </message>
    <message>
        <source>Revoke all sessions</source>
        <translation>Peru kaikki istunnot</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;These are your own sessions, this console&apos;s included: you will be signed out.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Nämä ovat omia istuntojasi, myös tämän konsolin istunto: sinut kirjataan ulos.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Revoke every session of &lt;b&gt;%1&lt;/b&gt;?&lt;/p&gt;&lt;p&gt;They are signed out everywhere at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Perutaanko käyttäjän &lt;b&gt;%1&lt;/b&gt; kaikki istunnot?&lt;/p&gt;&lt;p&gt;Hänet kirjataan heti ulos kaikkialta.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Revoke all</source>
        <translation>Peru kaikki</translation>
    </message>
    <message>
        <source>Every session of this user is revoked.</source>
        <translation>Tämän käyttäjän kaikki istunnot on peruttu.</translation>
    </message>
</context>
<context>
    <name>WhoamiAnswer</name>
    <message>
        <source>whoami refused: %1</source>
        <translation>whoami torjuttiin: %1</translation>
    </message>
    <message>
        <source>as %1 via api-key &apos;%2&apos; · permissions %3</source>
        <translation>tunnuksella %1 API-avaimella &apos;%2&apos; · oikeudet %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ei mitään</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>tunnuksella %1</translation>
    </message>
    <message>
        <source> via %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>bearer</source>
        <translation>bearer</translation>
    </message>
    <message>
        <source> · role %1</source>
        <translation> · rooli %1</translation>
    </message>
    <message>
        <source> · until %1</source>
        <translation> · %1 asti</translation>
    </message>
    <message>
        <source>user id %1</source>
        <translation>käyttäjätunnus %1</translation>
    </message>
    <message>
        <source>email %1</source>
        <translation>sähköposti %1</translation>
    </message>
    <message>
        <source>key id %1</source>
        <translation>avaimen tunnus %1</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>rooli %1</translation>
    </message>
</context>
</TS>
