<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AttentionPage</name>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <source>Has issues</source>
        <translation>À corriger</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Commentaire de revue</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Rien à traiter pour le moment.</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Affiché</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Kept for HQ</source>
        <translation>Conservé pour le siège</translation>
    </message>
</context>
<context>
    <name>AttentionReader</name>
    <message>
        <source>Not sent, kept on this device — %1: %2</source>
        <translation>Non envoyé, conservé sur cet appareil — %1 : %2</translation>
    </message>
    <message>
        <source>Your account may not make this change</source>
        <translation>Votre compte n’est pas autorisé à faire cette modification</translation>
    </message>
    <message>
        <source>A value is not accepted</source>
        <translation>Une valeur n’est pas acceptée</translation>
    </message>
    <message>
        <source>The attached file has not been fully sent</source>
        <translation>Le fichier joint n’a pas été entièrement envoyé</translation>
    </message>
    <message>
        <source>The record it changes is unknown to the server</source>
        <translation>L’enregistrement modifié est inconnu du serveur</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <source>Deleted on one device while edited on another; headquarters will decide</source>
        <translation>Supprimé sur un appareil pendant qu’il était modifié sur un autre ; le siège tranchera</translation>
    </message>
    <message>
        <source>%1: edited on two devices at once; “%2” (%3) is shown, “%4” (%5) is kept for headquarters to decide</source>
        <translation>%1 : modifié sur deux appareils à la fois ; « %2 » (%3) est affiché, « %4 » (%5) est conservé pour que le siège tranche</translation>
    </message>
    <message>
        <source>Headquarters found issues: see the review comments and correct it</source>
        <translation>Le siège a relevé des problèmes : voyez les commentaires de revue et corrigez</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Review state</source>
        <translation>État de la revue</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Economic context</source>
        <translation>Contexte économique</translation>
    </message>
    <message>
        <source>E-commerce context</source>
        <translation>Contexte du commerce électronique</translation>
    </message>
    <message>
        <source>Maturity level</source>
        <translation>Niveau de maturité</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Situation actuelle</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Lacunes</translation>
    </message>
    <message>
        <source>Legal and regulatory amendments</source>
        <translation>Modifications législatives et réglementaires</translation>
    </message>
    <message>
        <source>MSME needs</source>
        <translation>Besoins des MPME</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Pre-test score</source>
        <translation>Note au test initial</translation>
    </message>
    <message>
        <source>Post-test score</source>
        <translation>Note au test final</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Mission team</source>
        <translation>Équipe de mission</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Action plan step</source>
        <translation>Étape du plan d’action</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Standard covered</source>
        <translation>Norme traitée</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Pièce jointe</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Commentaire de revue</translation>
    </message>
</context>
<context>
    <name>RecordTitles</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Mission %1 (not on this device)</source>
        <translation>Mission %1 (absente de cet appareil)</translation>
    </message>
    <message>
        <source>Observation %1 (not on this device)</source>
        <translation>Observation %1 (absente de cet appareil)</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Observation – Standard %1</source>
        <translation>Observation – Norme %1</translation>
    </message>
    <message>
        <source>Every unsent change</source>
        <translation>Toutes les modifications non envoyées</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>Sign in once while connected. Afterwards Cadre works without a network and sends your work when the server can be reached.</source>
        <translation>Connectez-vous une fois en ligne. Ensuite, Cadre fonctionne sans réseau et envoie votre travail dès que le serveur est joignable.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>https://cadre.example.org:8443</source>
        <translation>https://cadre.example.org:8443</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Name of this device</source>
        <translation>Nom de cet appareil</translation>
    </message>
    <message>
        <source>The server uses its own certificate</source>
        <translation>Le serveur utilise son propre certificat</translation>
    </message>
    <message>
        <source>Certificate file (PEM) given by your administrator</source>
        <translation>Fichier de certificat (PEM) fourni par votre administrateur</translation>
    </message>
    <message>
        <source>/path/to/server.pem</source>
        <translation>/chemin/vers/server.pem</translation>
    </message>
    <message>
        <source>Or its SHA-256 fingerprint</source>
        <translation>Ou son empreinte SHA-256</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>SyncFailure</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nom d’utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>The server no longer accepts this device&apos;s session. Sign in again; nothing recorded on this device is lost.</source>
        <translation>Le serveur n’accepte plus la session de cet appareil. Reconnectez-vous ; rien de ce qui est enregistré sur cet appareil n’est perdu.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives de connexion échouées. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives de connexion échouées. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in a few minutes.</source>
        <translation>Trop de tentatives de connexion échouées. Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is kept on this device and will be sent when the connection is back.</source>
        <translation>Le serveur est injoignable. Votre travail est conservé sur cet appareil et sera envoyé au retour de la connexion.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one this device trusts. Check the certificate file or fingerprint with your administrator.</source>
        <translation>Le certificat du serveur n’est pas celui auquel cet appareil fait confiance. Vérifiez le fichier de certificat ou l’empreinte avec votre administrateur.</translation>
    </message>
    <message>
        <source>The server address, certificate file or fingerprint is not valid.</source>
        <translation>L’adresse du serveur, le fichier de certificat ou l’empreinte n’est pas valide.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Le serveur a refusé la requête (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused some changes. See &quot;Needs attention&quot;.</source>
        <translation>Le serveur a refusé des modifications. Voyez « À traiter ».</translation>
    </message>
    <message>
        <source>Sync failed on this device: %1</source>
        <translation>La synchronisation a échoué sur cet appareil : %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problème de synchronisation</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <translation>Rien en attente d’envoi</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n élément à traiter</numerusform>
            <numerusform>%n éléments à traiter</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
</context>
<context>
    <name>cadre::client::SessionController</name>
    <message>
        <source>Enter the server address.</source>
        <translation>Saisissez l’adresse du serveur.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Saisissez votre nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Give this device a name.</source>
        <translation>Donnez un nom à cet appareil.</translation>
    </message>
</context>
</TS>
