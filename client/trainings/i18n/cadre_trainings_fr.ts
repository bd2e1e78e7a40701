<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AttendanceCell</name>
    <message>
        <source>not marked</source>
        <translation>non noté</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>Mark unmarked present</source>
        <translation>Noter présents les non-notés</translation>
    </message>
    <message>
        <source>No sessions yet. Add the training's days or half-days first.</source>
        <translation>Aucune séance pour l'instant. Ajoutez d'abord les journées ou demi-journées de la formation.</translation>
    </message>
    <message>
        <source>No participants yet. Add people to the roster first.</source>
        <translation>Aucun participant pour l'instant. Ajoutez d'abord des personnes à la liste.</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation><numerusform>%n participant</numerusform><numerusform>%n participants</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 present</source>
        <translation>%1 présents sur %2</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>non noté</translation>
    </message>
    <message>
        <source>Keys: P, L, E, A mark the selected cell and move down; arrows move; Space cycles; Delete clears; Enter writes a note.</source>
        <translation>Touches : P, R, E, A notent la case choisie et passent à la suivante ; flèches pour se déplacer ; Espace fait défiler ; Suppr efface ; Entrée pour écrire une remarque.</translation>
    </message>
    <message>
        <source>Note on this mark (Enter to write one)</source>
        <translation>Remarque sur cette présence (Entrée pour en écrire une)</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
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
        <source>Venue</source>
        <translation>Lieu</translation>
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
        <source>Session date</source>
        <translation>Date de la séance</translation>
    </message>
    <message>
        <source>Part of day</source>
        <translation>Moment de la journée</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
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
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Pre-test score</source>
        <translation>Note au pré-test</translation>
    </message>
    <message>
        <source>Post-test score</source>
        <translation>Note au post-test</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Trained by</source>
        <translation>Formé par</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>is before the start date</source>
        <translation>est antérieure à la date de début</translation>
    </message>
    <message>
        <source>must be between 0 and 100</source>
        <translation>doit être comprise entre 0 et 100</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>est trop long</translation>
    </message>
    <message>
        <source>is not a valid date</source>
        <translation>n'est pas une date valide</translation>
    </message>
    <message>
        <source>must be chosen from the list</source>
        <translation>doit être choisi dans la liste</translation>
    </message>
    <message>
        <source>is not valid (%1)</source>
        <translation>n'est pas valide (%1)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>A session is already planned for that day and part of the day.</source>
        <translation>Une séance est déjà prévue ce jour-là à ce moment de la journée.</translation>
    </message>
    <message>
        <source>This record was deleted, perhaps on another device. Reload and try again.</source>
        <translation>Cet enregistrement a été supprimé, peut-être sur un autre appareil. Rechargez et réessayez.</translation>
    </message>
    <message>
        <source>This change is not allowed: %1</source>
        <translation>Cette modification n'est pas permise : %1</translation>
    </message>
    <message>
        <source>The local database could not save this change: %1</source>
        <translation>La base locale n'a pas pu enregistrer cette modification : %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Erreur inattendue : %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Training of trainers</source>
        <translation>Formation de formateurs</translation>
    </message>
    <message>
        <source>Field training of experts</source>
        <translation>Formation d'experts sur le terrain</translation>
    </message>
    <message>
        <source>E-learning</source>
        <translation>Apprentissage en ligne</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Séminaire</translation>
    </message>
    <message>
        <source>Regional workshop</source>
        <translation>Atelier régional</translation>
    </message>
    <message>
        <source>Study visit</source>
        <translation>Visite d'étude</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conférence</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Ongoing</source>
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
        <source>Full day</source>
        <translation>Journée entière</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Matin</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Après-midi</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Excusé</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>P</source>
        <comment>key and mark for present</comment>
        <translation>P</translation>
    </message>
    <message>
        <source>L</source>
        <comment>key and mark for late</comment>
        <translation>R</translation>
    </message>
    <message>
        <source>E</source>
        <comment>key and mark for excused</comment>
        <translation>E</translation>
    </message>
    <message>
        <source>A</source>
        <comment>key and mark for absent</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>Lead trainer</source>
        <translation>Formateur principal</translation>
    </message>
    <message>
        <source>Co-trainer</source>
        <translation>Co-formateur</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>Préfère ne pas répondre</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <extracomment>a span of dates, e.g. "01/12/2026 – 05/12/2026"</extracomment>
        <translation>du %1 au %2</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>PersonQuickAddDialog</name>
    <message>
        <source>New participant</source>
        <translation>Nouveau participant</translation>
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
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Add to roster</source>
        <translation>Ajouter à la liste</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Already known? Add them instead of creating a duplicate:</source>
        <translation>Déjà connu ? Ajoutez cette personne plutôt que de créer un doublon :</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrit</translation>
    </message>
</context>
<context>
    <name>RosterRow</name>
    <message>
        <source>Pre-test score of %1</source>
        <translation>Note au pré-test de %1</translation>
    </message>
    <message>
        <source>Post-test score of %1</source>
        <translation>Note au post-test de %1</translation>
    </message>
    <message>
        <source>%1 is certified as a trainer</source>
        <translation>%1 est certifié formateur</translation>
    </message>
    <message>
        <source>%1 was trained by</source>
        <translation>%1 a été formé par</translation>
    </message>
    <message>
        <source>Remove %1 from the roster</source>
        <translation>Retirer %1 de la liste</translation>
    </message>
    <message>
        <source>Remove from the roster</source>
        <translation>Retirer de la liste</translation>
    </message>
</context>
<context>
    <name>TrainingListPage</name>
    <message>
        <source>Trainings</source>
        <translation>Formations</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>Nouvelle formation</translation>
    </message>
    <message>
        <source>Search by title, venue or Member</source>
        <translation>Chercher par intitulé, lieu ou Membre</translation>
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
    <message numerus="yes">
        <source>%n training(s)</source>
        <translation><numerusform>%n formation</numerusform><numerusform>%n formations</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation><numerusform>%n participant</numerusform><numerusform>%n participants</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation><numerusform>%n séance</numerusform><numerusform>%n séances</numerusform></translation>
    </message>
    <message>
        <source>No training matches these filters.</source>
        <translation>Aucune formation ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No trainings yet.</source>
        <translation>Aucune formation pour l'instant.</translation>
    </message>
    <message>
        <source>Record a workshop or a training of trainers, its sessions and its participants, even offline.</source>
        <translation>Enregistrez un atelier ou une formation de formateurs, ses séances et ses participants, même hors ligne.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>e.g. ToT on the e-commerce standards, Dakar</source>
        <translation>ex. Formation de formateurs sur les normes du commerce électronique, Dakar</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Untitled training</source>
        <translation>Formation sans intitulé</translation>
    </message>
    <message>
        <source>Take attendance</source>
        <translation>Noter les présences</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Informations</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
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
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Start date (YYYY-MM-DD)</source>
        <translation>Date de début (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date (YYYY-MM-DD)</source>
        <translation>Date de fin (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Standards covered</source>
        <translation>Normes couvertes</translation>
    </message>
    <message>
        <source>Trainers</source>
        <translation>Formateurs</translation>
    </message>
    <message>
        <source>Add trainer</source>
        <translation>Ajouter un formateur</translation>
    </message>
    <message>
        <source>No trainer yet.</source>
        <translation>Aucun formateur pour l'instant.</translation>
    </message>
    <message>
        <source>Remove trainer %1</source>
        <translation>Retirer le formateur %1</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>No session yet: add each day or half-day attendance is taken for.</source>
        <translation>Aucune séance pour l'instant : ajoutez chaque journée ou demi-journée pour laquelle les présences sont notées.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>Supprimer la séance</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Date de la séance</translation>
    </message>
    <message>
        <source>Part of day</source>
        <translation>Moment de la journée</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>Ajouter la séance</translation>
    </message>
    <message>
        <source>Participants (%1)</source>
        <translation>Participants (%1)</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Nouveau participant</translation>
    </message>
    <message>
        <source>Add someone already known: search by name or organisation</source>
        <translation>Ajouter une personne déjà connue : chercher par nom ou organisation</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Nobody known by that name: use “New participant”.</source>
        <translation>Personne de ce nom : utilisez « Nouveau participant ».</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Pre</source>
        <translation>Pré</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>Trained by</source>
        <translation>Formé par</translation>
    </message>
    <message>
        <source>No participants yet.</source>
        <translation>Aucun participant pour l'instant.</translation>
    </message>
    <message>
        <source>Search by name or organisation</source>
        <translation>Chercher par nom ou organisation</translation>
    </message>
</context>
<context>
    <name>cadre::trainings::AttendanceController</name>
    <message>
        <source>The mark for %1 was not saved: %2</source>
        <translation>La présence de %1 n'a pas été enregistrée : %2</translation>
    </message>
    <message>
        <source>Mark %1's attendance first, then add a note.</source>
        <translation>Notez d'abord la présence de %1, puis ajoutez une remarque.</translation>
    </message>
</context>
<context>
    <name>cadre::trainings::TrainingController</name>
    <message>
        <source>%1 is not a valid date: use YYYY-MM-DD.</source>
        <translation>%1 n'est pas une date valide : utilisez AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>%1 is not a valid email address.</source>
        <translation>%1 n'est pas une adresse électronique valide.</translation>
    </message>
    <message>
        <source>A score is a number from 0 to 100.</source>
        <translation>Une note est un nombre de 0 à 100.</translation>
    </message>
</context>
</TS>