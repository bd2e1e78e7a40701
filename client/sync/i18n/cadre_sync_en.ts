<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>AttentionPage</name>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for HQ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionReader</name>
    <message>
        <source>Not sent, kept on this device — %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not make this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value is not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attached file has not been fully sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record it changes is unknown to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on one device while edited on another; headquarters will decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: edited on two devices at once; “%2” (%3) is shown, “%4” (%5) is kept for headquarters to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headquarters found issues: see the review comments and correct it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Economic context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-commerce context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maturity level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal and regulatory amendments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSME needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-test score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-test score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action plan step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTitles</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mission %1 (not on this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation %1 (not on this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation – Standard %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every unsent change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in once while connected. Afterwards Cadre works without a network and sends your work when the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://cadre.example.org:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server uses its own certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate file (PEM) given by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/path/to/server.pem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or its SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncFailure</name>
    <message>
        <source>Wrong username or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer accepts this device&apos;s session. Sign in again; nothing recorded on this device is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is kept on this device and will be sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one this device trusts. Check the certificate file or fingerprint with your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address, certificate file or fingerprint is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused some changes. See &quot;Needs attention&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed on this device: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n item needs attention</numerusform>
            <numerusform>%n items need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cadre::client::SessionController</name>
    <message>
        <source>Enter the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this device a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
