<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>This was not saved, a value is not accepted (%1).</source>
        <translation>Non enregistré : une valeur n'est pas acceptée (%1).</translation>
    </message>
    <message>
        <source>This record cannot be changed now (%1).</source>
        <translation>Cet enregistrement ne peut pas être modifié pour l'instant (%1).</translation>
    </message>
    <message>
        <source>The local database could not save this (%1).</source>
        <translation>La base de données locale n'a pas pu l'enregistrer (%1).</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Un problème est survenu : %1</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Un problème est survenu.</translation>
    </message>
</context>
<context>
    <name>EvidenceDelegate</name>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Retirer ce fichier</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>Auto-évaluation</translation>
    </message>
    <message>
        <source>Tailored support</source>
        <translation>Appui sur mesure</translation>
    </message>
    <message>
        <source>Study visit</source>
        <translation>Visite d'étude</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>Soumise pour examen</translation>
    </message>
    <message>
        <source>Has issues</source>
        <translation>À revoir</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvée</translation>
    </message>
    <message>
        <source>0 · Not started</source>
        <translation>0 · Non engagé</translation>
    </message>
    <message>
        <source>1 · Initial</source>
        <translation>1 · Initial</translation>
    </message>
    <message>
        <source>2 · Partial</source>
        <translation>2 · Partiel</translation>
    </message>
    <message>
        <source>3 · Substantial</source>
        <translation>3 · Avancé</translation>
    </message>
    <message>
        <source>4 · Full</source>
        <translation>4 · Complet</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>Pas encore évalué</translation>
    </message>
    <message>
        <source>Nothing in place yet</source>
        <translation>Rien n'est encore en place</translation>
    </message>
    <message>
        <source>First steps taken, mostly ad hoc</source>
        <translation>Premières mesures, surtout ponctuelles</translation>
    </message>
    <message>
        <source>Partly in place, important gaps remain</source>
        <translation>En partie en place, des lacunes importantes subsistent</translation>
    </message>
    <message>
        <source>Largely in place, minor gaps</source>
        <translation>Largement en place, lacunes mineures</translation>
    </message>
    <message>
        <source>Fully implemented and applied</source>
        <translation>Entièrement mis en œuvre et appliqué</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non définie</translation>
    </message>
    <message>
        <source>Lead expert</source>
        <translation>Chef de mission</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Observateur</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>Homologue</translation>
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
        <source>Member</source>
        <translation>Membre</translation>
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
        <source>Status</source>
        <translation>Statut</translation>
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
        <source>Maturity</source>
        <translation>Maturité</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Situation actuelle</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Écarts</translation>
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
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Cadre — WCO e-commerce standards, field edition</source>
        <translation>Cadre — normes de l'OMD sur le commerce électronique, édition terrain</translation>
    </message>
    <message>
        <source>E-commerce standards in the field</source>
        <translation>Les normes du commerce électronique sur le terrain</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>Trainings</source>
        <translation>Formations</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>MissionDelegate</name>
    <message numerus="yes">
        <source>%n of %1 standards observed</source>
        <translation><numerusform>%n norme observée sur %1</numerusform><numerusform>%n normes observées sur %1</numerusform></translation>
    </message>
</context>
<context>
    <name>MissionPage</name>
    <message>
        <source>Submit for review</source>
        <translation>Soumettre pour examen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Informations</translation>
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
        <source>Starts on</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Economic context</source>
        <translation>Contexte économique</translation>
    </message>
    <message>
        <source>The regional and national economy, trade flows…</source>
        <translation>L'économie régionale et nationale, les flux commerciaux…</translation>
    </message>
    <message>
        <source>E-commerce context</source>
        <translation>Contexte du commerce électronique</translation>
    </message>
    <message>
        <source>The weight of e-commerce, volumes of parcels, main platforms…</source>
        <translation>Le poids du commerce électronique, les volumes d'envois, les principales plateformes…</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>No one on the team yet.</source>
        <translation>Personne dans l'équipe pour l'instant.</translation>
    </message>
    <message>
        <source>Remove %1 from the team</source>
        <translation>Retirer %1 de l'équipe</translation>
    </message>
    <message>
        <source>Remove from the team</source>
        <translation>Retirer de l'équipe</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Normes</translation>
    </message>
    <message>
        <source>%1 of %2 observed</source>
        <translation>%1 observées sur %2</translation>
    </message>
    <message>
        <source>Submit for review?</source>
        <translation>Soumettre pour examen ?</translation>
    </message>
    <message>
        <source>Headquarters will review this mission and its %1 observations once this device syncs. You can still edit them while they are in review.</source>
        <translation>Le Secrétariat examinera cette mission et ses %1 observations à la prochaine synchronisation de cet appareil. Vous pourrez encore les modifier pendant l'examen.</translation>
    </message>
</context>
<context>
    <name>MissionsPage</name>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>New mission</source>
        <translation>Nouvelle mission</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>No mission matches these filters</source>
        <translation>Aucune mission ne correspond à ces filtres</translation>
    </message>
    <message>
        <source>No missions yet — create one</source>
        <translation>Aucune mission pour l'instant — créez-en une</translation>
    </message>
    <message>
        <source>Clear the search or choose other filters.</source>
        <translation>Effacez la recherche ou choisissez d'autres filtres.</translation>
    </message>
    <message>
        <source>A mission holds what you find for each standard of the Framework: maturity, gaps, recommendations and evidence. Everything is saved on this device as you type, with or without a network.</source>
        <translation>Une mission rassemble vos constats pour chaque norme du Cadre : maturité, écarts, recommandations et pièces justificatives. Tout est enregistré sur cet appareil au fil de la saisie, avec ou sans réseau.</translation>
    </message>
    <message>
        <source>Search title or Member</source>
        <translation>Rechercher un titre ou un Membre</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message numerus="yes">
        <source>%n mission(s) on this device</source>
        <translation><numerusform>%n mission sur cet appareil</numerusform><numerusform>%n missions sur cet appareil</numerusform></translation>
    </message>
</context>
<context>
    <name>NewMissionDialog</name>
    <message>
        <source>New mission</source>
        <translation>Nouvelle mission</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Create mission</source>
        <translation>Créer la mission</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Choose a Member…</source>
        <translation>Choisir un Membre…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>e.g. Diagnostic mission on e-commerce</source>
        <translation>p. ex. Mission de diagnostic sur le commerce électronique</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Fin</translation>
    </message>
</context>
<context>
    <name>ObservationEditor</name>
    <message>
        <source>Standard %1 · %2</source>
        <translation>Norme %1 · %2</translation>
    </message>
    <message>
        <source>Saved on this device</source>
        <translation>Enregistré sur cet appareil</translation>
    </message>
    <message>
        <source>Nothing entered yet</source>
        <translation>Rien de saisi pour l'instant</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Maturité</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Situation actuelle</translation>
    </message>
    <message>
        <source>What is in place today: law, procedures, systems, organisation</source>
        <translation>Ce qui existe aujourd'hui : textes, procédures, systèmes, organisation</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <source>What is missing against the standard</source>
        <translation>Ce qui manque au regard de la norme</translation>
    </message>
    <message>
        <source>Legal and regulatory amendments needed</source>
        <translation>Modifications législatives et réglementaires nécessaires</translation>
    </message>
    <message>
        <source>Laws, regulations and administrative procedures to change</source>
        <translation>Lois, règlements et procédures administratives à modifier</translation>
    </message>
    <message>
        <source>Needs of MSMEs</source>
        <translation>Besoins des MPME</translation>
    </message>
    <message>
        <source>What micro, small and medium-sized enterprises need</source>
        <translation>Ce dont les micro, petites et moyennes entreprises ont besoin</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <source>The steps you recommend, in order</source>
        <translation>Les étapes que vous recommandez, dans l'ordre</translation>
    </message>
    <message>
        <source>National priority</source>
        <translation>Priorité nationale</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pièces justificatives</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Joindre un fichier…</translation>
    </message>
    <message>
        <source>No evidence yet. Attach photos or scanned documents; they are kept on this device and sent at the next sync.</source>
        <translation>Aucune pièce pour l'instant. Joignez des photos ou des documents numérisés ; ils sont conservés sur cet appareil et envoyés à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Choose a photo or a document</source>
        <translation>Choisir une photo ou un document</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf *.heic *.tif *.tiff)</source>
        <translation>Photos et documents (*.jpg *.jpeg *.png *.pdf *.heic *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Retour (Alt+Gauche)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of menus and labels, and how dates and numbers are written. What you type is kept as you typed it.</source>
        <translation>La langue des menus et des libellés, et l'écriture des dates et des nombres. Ce que vous saisissez reste tel que vous l'avez saisi.</translation>
    </message>
    <message>
        <source>Data on this device</source>
        <translation>Données sur cet appareil</translation>
    </message>
    <message>
        <source>Everything you enter is saved here as you type and sent to headquarters at the next sync. Closing the app or a power cut loses nothing.</source>
        <translation>Tout ce que vous saisissez est enregistré ici au fil de la frappe et envoyé au Secrétariat à la prochaine synchronisation. Fermer l'application ou une coupure de courant ne fait rien perdre.</translation>
    </message>
</context>
<context>
    <name>StandardDelegate</name>
    <message>
        <source>No observation yet</source>
        <translation>Pas encore d'observation</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Add to the team</source>
        <translation>Ajouter à l'équipe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Search people already known</source>
        <translation>Rechercher parmi les personnes connues</translation>
    </message>
    <message>
        <source>Nobody found. Add a new person below.</source>
        <translation>Personne trouvé. Ajoutez une nouvelle personne ci-dessous.</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>cadre::client::MemberListModel</name>
    <message>
        <source>All Members</source>
        <translation>Tous les Membres</translation>
    </message>
</context>
<context>
    <name>cadre::client::MissionController</name>
    <message>
        <source>Give the mission a title.</source>
        <translation>Donnez un titre à la mission.</translation>
    </message>
    <message>
        <source>Choose the Member the mission goes to.</source>
        <translation>Choisissez le Membre concerné par la mission.</translation>
    </message>
    <message>
        <source>Enter at least the family name.</source>
        <translation>Saisissez au moins le nom.</translation>
    </message>
</context>
<context>
    <name>cadre::client::ObservationController</name>
    <message>
        <source>Not started</source>
        <translation>Non commencée</translation>
    </message>
</context>
</TS>