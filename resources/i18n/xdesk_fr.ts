<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../../app/ui/login.py" line="+133" />
            <source>Change password</source>
            <translation>Changer le mot de passe</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An administrator set your password: choose your own now.</source>
            <translation>Un administrateur a défini votre mot de passe : choisissez maintenant le vôtre.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a new password.</source>
            <translation>Choisissez un nouveau mot de passe.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+7" />
            <source>New password</source>
            <translation>Nouveau mot de passe</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Confirm new password</source>
            <translation>Confirmer le nouveau mot de passe</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Confirm</source>
            <translation>Confirmer</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe diffèrent.</translation>
        </message>
    </context>
    <context>
        <name>CheckList</name>
        <message>
            <location filename="../../app/ui/widgets.py" line="+345" />
            <source>Search…</source>
            <translation>Rechercher…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Chosen (click to remove)</source>
            <translation>Sélection (cliquer pour retirer)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Add a group</source>
            <translation>Ajouter un groupe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a group…</source>
            <translation>Ajouter un groupe…</translation>
        </message>
    </context>
    <context>
        <name>Column</name>
        <message>
            <location filename="../../app/ui/kinds.py" line="+61" />
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+57" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location line="-56" />
            <location line="+33" />
            <location line="+24" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="-56" />
            <source>Host</source>
            <translation>Pays hôte</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+38" />
            <source>Start</source>
            <translation>Début</translation>
        </message>
        <message>
            <location line="-37" />
            <location line="+38" />
            <source>End</source>
            <translation>Fin</translation>
        </message>
        <message>
            <location line="-36" />
            <location line="+38" />
            <location line="+16" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location line="-42" />
            <source>FAMILY NAME</source>
            <translation>NOM DE FAMILLE</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Given names</source>
            <translation>Prénoms</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rank</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nation</source>
            <translation>Nationalité</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>Armée</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>Unité</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Person</source>
            <translation>Personne</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Host nation</source>
            <translation>Nation hôte</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Organisation</source>
            <translation>Organisme</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Expiry</source>
            <translation>Expiration</translation>
        </message>
    </context>
    <context>
        <name>ExportRunner</name>
        <message>
            <location filename="../../app/ui/list_export.py" line="+47" />
            <source>Export — Exchange Desk</source>
            <translation>Exportation — Exchange Desk</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exporting to {file}…</source>
            <translation>Exportation vers {file}…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location line="+40" />
            <source>The export failed: {message}</source>
            <translation>L'exportation a échoué : {message}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Export cancelled.</source>
            <translation>Exportation annulée.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Export list</source>
            <translation>Exporter la liste</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
            <translation>CSV (*.csv);;Classeur Excel (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../app/ui/first_run.py" line="+41" />
            <source>Exchange Desk — choose a database</source>
            <translation>Exchange Desk — choisir une base de données</translation>
        </message>
        <message>
            <location line="+10" />
            <source>New database file</source>
            <translation>Nouveau fichier de base de données</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+19" />
            <source>Owning nation</source>
            <translation>Nation propriétaire</translation>
        </message>
        <message>
            <location line="-17" />
            <location line="+18" />
            <source>Classification scheme</source>
            <translation>Système de classification</translation>
        </message>
        <message>
            <location line="-17" />
            <source>Default (UNCLASSIFIED … TOP SECRET)</source>
            <translation>Par défaut (UNCLASSIFIED … TOP SECRET)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>NATO (NATO UNCLASSIFIED … COSMIC TOP SECRET)</source>
            <translation>OTAN (NATO UNCLASSIFIED … COSMIC TOP SECRET)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Administrator username</source>
            <translation>Identifiant de l'administrateur</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+13" />
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <location line="-10" />
            <location line="+11" />
            <source>Confirm password</source>
            <translation>Confirmer le mot de passe</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Database file</source>
            <translation>Fichier de base de données</translation>
        </message>
        <message>
            <location line="+3" />
            <source>First administrator</source>
            <translation>Premier administrateur</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The file is encrypted. Each user's password unlocks it, starting with this administrator's: keep the file's &lt;i&gt;.keys&lt;/i&gt; file beside it, and in every copy. A forgotten password is reset by an administrator; with none left, the file cannot be opened.</source>
            <translation>Le fichier est chiffré. Le mot de passe de chaque utilisateur le déverrouille, à commencer par celui de cet administrateur : conservez le fichier &lt;i&gt;.keys&lt;/i&gt; à côté du fichier, et dans chaque copie. Un mot de passe oublié est réinitialisé par un administrateur ; s'il n'en reste aucun, le fichier ne peut plus être ouvert.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Create database</source>
            <translation>Créer la base de données</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Create a new database</source>
            <translation>Créer une nouvelle base de données</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+10" />
            <source>Recent databases</source>
            <translation>Bases de données récentes</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Database file to open</source>
            <translation>Fichier de base de données à ouvrir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open database</source>
            <translation>Ouvrir la base de données</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Open a file</source>
            <translation>Ouvrir un fichier</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Connect to the server</source>
            <translation>Se connecter au serveur</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Database URL</source>
            <translation>URL de la base de données</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connect</source>
            <translation>Se connecter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Or a database URL</source>
            <translation>Ou une URL de base de données</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Connect to a server</source>
            <translation>Se connecter à un serveur</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Open an Exchange Desk database</source>
            <translation>Ouvrir une base de données Exchange Desk</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Exchange Desk databases (*.sqlite *.db);;All files (*)</source>
            <translation>Bases de données Exchange Desk (*.sqlite *.db);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>choose where the database file goes</source>
            <translation>choisissez l'emplacement du fichier de base de données</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a file is already there: open it from “Open a file”, or choose another name</source>
            <translation>un fichier existe déjà à cet emplacement : ouvrez-le depuis « Ouvrir un fichier », ou choisissez un autre nom</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the two passwords differ</source>
            <translation>les deux mots de passe diffèrent</translation>
        </message>
        <message>
            <location line="+2" />
            <source>choose the nation that owns this database</source>
            <translation>choisissez la nation propriétaire de cette base de données</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Choose a database first.</source>
            <translation>Choisissez d'abord une base de données.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>There is no database at {target}.</source>
            <translation>Il n'y a pas de base de données à l'emplacement {target}.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cannot open this database: {error}</source>
            <translation>Impossible d'ouvrir cette base de données : {error}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cannot open {target}: {error}</source>
            <translation>Impossible d'ouvrir {target} : {error}</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <location filename="../../app/ui/records/form_controller.py" line="+43" />
            <source>New record</source>
            <translation>Nouvel enregistrement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No record chosen: pick one in the list</source>
            <translation>Aucun enregistrement choisi : sélectionnez-en un dans la liste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This record has unsaved changes.</source>
            <translation>Cet enregistrement comporte des modifications non enregistrées.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New person</source>
            <translation>Nouvelle personne</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No person chosen: pick one in the list</source>
            <translation>Aucune personne choisie : sélectionnez-en une dans la liste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This person has unsaved changes.</source>
            <translation>Cette fiche de personne comporte des modifications non enregistrées.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New exchange</source>
            <translation>Nouvel échange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No exchange chosen: pick one in the list</source>
            <translation>Aucun échange choisi : sélectionnez-en un dans la liste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This exchange has unsaved changes.</source>
            <translation>Cet échange comporte des modifications non enregistrées.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New agreement</source>
            <translation>Nouvel accord</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No agreement chosen: pick one in the list</source>
            <translation>Aucun accord choisi : sélectionnez-en un dans la liste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This agreement has unsaved changes.</source>
            <translation>Cet accord comporte des modifications non enregistrées.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New liaison assignment</source>
            <translation>Nouvelle affectation de liaison</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No liaison assignment chosen: pick one in the list</source>
            <translation>Aucune affectation de liaison choisie : sélectionnez-en une dans la liste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This liaison assignment has unsaved changes.</source>
            <translation>Cette affectation de liaison comporte des modifications non enregistrées.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New participation</source>
            <translation>Nouvelle participation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No participation chosen: pick one in the list</source>
            <translation>Aucune participation choisie : sélectionnez-en une dans la liste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This participation has unsaved changes.</source>
            <translation>Cette participation comporte des modifications non enregistrées.</translation>
        </message>
    </context>
    <context>
        <name>FormController</name>
        <message>
            <location line="+66" />
            <source>Your role may read records but not change them</source>
            <translation>Votre rôle permet de consulter les enregistrements, non de les modifier</translation>
        </message>
        <message>
            <location line="+102" />
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Could not read the record.</source>
            <translation>Impossible de lire l'enregistrement.</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Reason for the downgrade</source>
            <translation>Motif du déclassement</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Not saved: a downgrade needs a stated reason.</source>
            <translation>Non enregistré : un déclassement doit être motivé.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not saved. Something went wrong; see the message.</source>
            <translation>Non enregistré. Une erreur s'est produite ; voir le message.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>REL TO needs at least one nation or group</source>
            <translation>REL TO exige au moins une nation ou un groupe</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+14" />
            <source>Saved.</source>
            <translation>Enregistré.</translation>
        </message>
        <message>
            <location line="-13" />
            <location line="+14" />
            <source>Not saved.</source>
            <translation>Non enregistré.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>(incomplete)</source>
            <translation>(incomplet)</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+31" />
            <source>another user</source>
            <translation>un autre utilisateur</translation>
        </message>
        <message>
            <location line="+109" />
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
    </context>
    <context>
        <name>FormView</name>
        <message>
            <location filename="../../app/ui/records/form_view.py" line="+73" />
            <source>Classification</source>
            <translation>Classification</translation>
        </message>
        <message>
            <location line="+16" />
            <source>YYYY-MM-DD (empty: 25 years after creation)</source>
            <translation>AAAA-MM-JJ (vide : 25 ans après la création)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>When this record is declassified: a date after today, at most 25 years after its creation. Empty: 25 years after its creation.</source>
            <translation>Date de déclassification de cet enregistrement : postérieure à aujourd’hui, au plus 25 ans après sa création. Vide : 25 ans après sa création.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save this record (Ctrl+S)</source>
            <translation>Enregistrer cette fiche (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Revert</source>
            <translation>Rétablir</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Discard the changes since the last save</source>
            <translation>Abandonner les modifications depuis le dernier enregistrement</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Redo</source>
            <translation>Refaire</translation>
        </message>
        <message>
            <location line="+118" />
            <source>Not saved.</source>
            <translation>Non enregistré.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Please correct the fields marked below.</source>
            <translation>Veuillez corriger les champs signalés ci-dessous.</translation>
        </message>
    </context>
    <context>
        <name>GlobalSearch</name>
        <message>
            <location filename="../../app/ui/search_box.py" line="+194" />
            <source>Search everything  (Ctrl+K)</source>
            <translation>Rechercher partout  (Ctrl+K)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search everything</source>
            <translation>Rechercher partout</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Search failed: {message}</source>
            <translation>La recherche a échoué : {message}</translation>
        </message>
    </context>
    <context>
        <name>IdleLock</name>
        <message>
            <location filename="../../app/ui/idle_lock.py" line="+153" />
            <source>(the lock could not be recorded: {error})</source>
            <translation>(le verrouillage n'a pas pu être journalisé : {error})</translation>
        </message>
    </context>
    <context>
        <name>Kind</name>
        <message>
            <location filename="../../app/ui/kinds.py" line="-14" />
            <source>Liaison officers</source>
            <translation>Officiers de liaison</translation>
        </message>
        <message>
            <location filename="../../app/ui/navigation.py" line="+31" />
            <source>Deadlines</source>
            <translation>Échéances</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Audit trail</source>
            <translation>Journal d'audit</translation>
        </message>
        <message>
            <source>Agreements</source>
            <translation>Accords</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Pièces jointes</translation>
        </message>
        <message>
            <source>Contact-log entries</source>
            <translation>Entrées du journal des contacts</translation>
        </message>
        <message>
            <source>Exchanges</source>
            <translation>Échanges</translation>
        </message>
        <message>
            <source>Liaison assignments</source>
            <translation>Affectations de liaison</translation>
        </message>
        <message>
            <source>Participations</source>
            <translation>Participations</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>agreement</source>
            <translation>accord</translation>
        </message>
        <message>
            <source>agreements</source>
            <translation>accords</translation>
        </message>
        <message>
            <source>attachment</source>
            <translation>pièce jointe</translation>
        </message>
        <message>
            <source>attachments</source>
            <translation>pièces jointes</translation>
        </message>
        <message>
            <source>contact-log entries</source>
            <translation>entrées du journal des contacts</translation>
        </message>
        <message>
            <source>contact-log entry</source>
            <translation>entrée du journal des contacts</translation>
        </message>
        <message>
            <source>exchange</source>
            <translation>échange</translation>
        </message>
        <message>
            <source>exchanges</source>
            <translation>échanges</translation>
        </message>
        <message>
            <source>liaison assignment</source>
            <translation>affectation de liaison</translation>
        </message>
        <message>
            <source>liaison assignments</source>
            <translation>affectations de liaison</translation>
        </message>
        <message>
            <source>participation</source>
            <translation>participation</translation>
        </message>
        <message>
            <source>participations</source>
            <translation>participations</translation>
        </message>
        <message>
            <source>people</source>
            <translation>personnes</translation>
        </message>
        <message>
            <source>person</source>
            <translation>personne</translation>
        </message>
    </context>
    <context>
        <name>LabelEditor</name>
        <message>
            <location filename="../../app/ui/widgets.py" line="+125" />
            <source>Classification level</source>
            <translation>Niveau de classification</translation>
        </message>
        <message>
            <location line="+6" />
            <source>above your clearance</source>
            <translation>au-dessus de votre habilitation</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No caveat</source>
            <translation>Sans mention restrictive</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Search nations and groups…</source>
            <translation>Rechercher des nations et des groupes…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Releasable to</source>
            <translation>Communicable à</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search need-to-know groups…</source>
            <translation>Rechercher des groupes de besoin d'en connaître…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Need-to-know groups</source>
            <translation>Groupes de besoin d'en connaître</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Classification</source>
            <translation>Classification</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Releasability</source>
            <translation>Communicabilité</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Need-to-know</source>
            <translation>Besoin d'en connaître</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Marking</source>
            <translation>Marquage</translation>
        </message>
        <message>
            <location line="+18" />
            <source>REL TO needs at least one nation or group</source>
            <translation>REL TO exige au moins une nation ou un groupe</translation>
        </message>
    </context>
    <context>
        <name>LanguagesEditor</name>
        <message>
            <location line="-321" />
            <source>Language (ISO 639)</source>
            <translation>Langue (ISO 639)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Profile (e.g. 3/3/2/2)</source>
            <translation>Profil (p. ex. 3/3/2/2)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Languages</source>
            <translation>Langues</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add a language</source>
            <translation>Ajouter une langue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add language</source>
            <translation>Ajouter une langue</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove the selected language</source>
            <translation>Retirer la langue sélectionnée</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove language</source>
            <translation>Retirer la langue</translation>
        </message>
    </context>
    <context>
        <name>Launch</name>
        <message>
            <location filename="../../app/ui/launch.py" line="+51" />
            <source>Cannot open {target}: {error}. The file was left untouched.</source>
            <translation>Impossible d'ouvrir {target} : {error}. Le fichier n'a pas été modifié.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Quit</source>
            <translation>Quitter</translation>
        </message>
    </context>
    <context>
        <name>LockPage</name>
        <message>
            <location filename="../../app/ui/idle_lock.py" line="-84" />
            <source>&lt;h2&gt;Locked&lt;/h2&gt;Exchange Desk was locked after a period without use.&lt;br&gt;Enter the password of &lt;b&gt;{username}&lt;/b&gt; to continue.</source>
            <translation>&lt;h2&gt;Verrouillé&lt;/h2&gt;Exchange Desk a été verrouillé après une période d'inactivité.&lt;br&gt;Saisissez le mot de passe de &lt;b&gt;{username}&lt;/b&gt; pour continuer.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unlock</source>
            <translation>Déverrouiller</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../app/ui/login.py" line="-121" />
            <source>Exchange Desk — log in</source>
            <translation>Exchange Desk — connexion</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{nation} database</source>
            <translation>Base de données {nation}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database server</source>
            <translation>Serveur de base de données</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Encrypted database</source>
            <translation>Base de données chiffrée</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+9" />
            <source>Username</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+7" />
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Log in</source>
            <translation>Se connecter</translation>
        </message>
    </context>
    <context>
        <name>MainActions</name>
        <message>
            <location filename="../../app/ui/actions.py" line="+59" />
            <source>&amp;Open a database file…</source>
            <translation>&amp;Ouvrir une base de données…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open another database file (you log in to it)</source>
            <translation>Ouvrir un autre fichier de base de données (vous vous y connectez)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New &amp;database…</source>
            <translation>Nouvelle &amp;base de données…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Create another database file (you log in to it)</source>
            <translation>Créer un autre fichier de base de données (vous vous y connectez)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Connect to a server…</source>
            <translation>Se &amp;connecter à un serveur…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open the office's database server (you log in to it)</source>
            <translation>Ouvrir le serveur de base de données du bureau (vous vous y connectez)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;New</source>
            <translation>&amp;Nouveau</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New record</source>
            <translation>Nouvel enregistrement</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the record</source>
            <translation>Enregistrer la fiche</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Search everything…</source>
            <translation>Rechercher &amp;partout…</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+3" />
            <source>Search every record</source>
            <translation>Rechercher dans tous les enregistrements</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Find…</source>
            <translation>Re&amp;chercher…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>F&amp;ilter the list…</source>
            <translation>&amp;Filtrer la liste…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Filter the list shown</source>
            <translation>Filtrer la liste affichée</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Print / Reports…</source>
            <translation>&amp;Imprimer / Rapports…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Print a report</source>
            <translation>Imprimer un rapport</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Export list…</source>
            <translation>E&amp;xporter la liste…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Export the list to CSV or Excel</source>
            <translation>Exporter la liste en CSV ou Excel</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Print this &amp;screen…</source>
            <translation>Imprimer ce&amp;t écran…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Print this screen</source>
            <translation>Imprimer cet écran</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Import…</source>
            <translation>Im&amp;porter…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Import records from a CSV file</source>
            <translation>Importer des enregistrements depuis un fichier CSV</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Back up…</source>
            <translation>&amp;Sauvegarder…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Back up the database (administrators)</source>
            <translation>Sauvegarder la base de données (administrateurs)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Pr&amp;eferences…</source>
            <translation>Préfére&amp;nces…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Change &amp;password…</source>
            <translation>Changer le &amp;mot de passe…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Lock</source>
            <translation>&amp;Verrouiller</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lock the window</source>
            <translation>Verrouiller la fenêtre</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Import and export formats</source>
            <translation>Formats d'&amp;import et d'export</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The columns of each file</source>
            <translation>Les colonnes de chaque fichier</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;About Exchange Desk</source>
            <translation>À &amp;propos d'Exchange Desk</translation>
        </message>
        <message>
            <location line="+22" />
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Open &amp;recent</source>
            <translation>Ouvrir un fichier &amp;récent</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Go</source>
            <translation>A&amp;ller à</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <location line="+3" />
            <source>About &amp;Qt</source>
            <translation>À propos de &amp;Qt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Main</source>
            <translation>Principale</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Choose a list to export first.</source>
            <translation>Choisissez d'abord une liste à exporter.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Open an Exchange Desk database</source>
            <translation>Ouvrir une base de données Exchange Desk</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Exchange Desk databases (*.sqlite *.db);;All files (*)</source>
            <translation>Bases de données Exchange Desk (*.sqlite *.db);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No other database yet</source>
            <translation>Aucune autre base de données pour l'instant</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Exchange Desk — another database</source>
            <translation>Exchange Desk — une autre base de données</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Import and export formats</source>
            <translation>Formats d'import et d'export</translation>
        </message>
        <message>
            <location line="+4" />
            <source>About</source>
            <translation>À propos</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The new language applies when Exchange Desk next starts.</source>
            <translation>La nouvelle langue s'appliquera au prochain démarrage d'Exchange Desk.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../app/ui/main_window.py" line="+103" />
            <source>Logged in as {user} ({role}, cleared {level}, {nation})</source>
            <translation>Connecté en tant que {user} ({role}, habilité {level}, {nation})</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Link to the server</source>
            <translation>Liaison avec le serveur</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Server link: checking…</source>
            <translation>Liaison serveur : vérification…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Server link: {state}</source>
            <translation>Liaison serveur : {state}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>TLS mode {mode}.</source>
            <translation>Mode TLS {mode}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The server's certificate was checked against the CA file and names the server.</source>
            <translation>Le certificat du serveur a été vérifié auprès du fichier de l'autorité de certification et désigne bien le serveur.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The server's certificate was checked against the CA file (not its name).</source>
            <translation>Le certificat du serveur a été vérifié auprès du fichier de l'autorité de certification (mais pas son nom).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The server's certificate was not checked: another machine could pose as the server. Ask IT for the CA file and connect with verify-full.</source>
            <translation>Le certificat du serveur n'a pas été vérifié : une autre machine pourrait se faire passer pour le serveur. Demandez le fichier de l'autorité de certification au service informatique et connectez-vous en mode verify-full.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Server link: not known</source>
            <translation>Liaison serveur : inconnue</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Expired today: {references}</source>
            <translation>Expirés aujourd'hui : {references}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Agreements not checked for expiry: {error}</source>
            <translation>Expiration des accords non vérifiée : {error}</translation>
        </message>
    </context>
    <context>
        <name>MessageArea</name>
        <message>
            <location filename="../../app/ui/records/messages.py" line="+26" />
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Please note:</source>
            <translation>À noter :</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location line="+7" />
            <source>Please correct: {errors}</source>
            <translation>Veuillez corriger : {errors}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not allowed: {error}</source>
            <translation>Non autorisé : {error}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not found: {error}</source>
            <translation>Introuvable : {error}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changed meanwhile: {error}</source>
            <translation>Modifié entre-temps : {error}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Something went wrong; see the message.</source>
            <translation>Une erreur s'est produite ; voir le message.</translation>
        </message>
    </context>
    <context>
        <name>NationPicker</name>
        <message>
            <location filename="../../app/ui/widgets.py" line="-148" />
            <source>Type a code or a name…</source>
            <translation>Saisissez un code ou un nom…</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <location filename="../../app/ui/navigation.py" line="+31" />
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <location line="+149" />
            <source>No form for a {kind}</source>
            <translation>Pas de formulaire pour ce type d'enregistrement : {kind}</translation>
        </message>
        <message>
            <location line="+18" />
            <source>This kind of record opens from its parent record.</source>
            <translation>Ce type d'enregistrement s'ouvre depuis son enregistrement parent.</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateEdit</name>
        <message>
            <location filename="../../app/ui/widgets.py" line="+47" />
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-JJ</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Pick the date in a calendar</source>
            <translation>Choisir la date dans un calendrier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick date</source>
            <translation>Choisir la date</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Clear the date</source>
            <translation>Effacer la date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear date</source>
            <translation>Effacer la date</translation>
        </message>
    </context>
    <context>
        <name>PersonForm</name>
        <message>
            <location filename="../../app/ui/person_form.py" line="+57" />
            <source>New person</source>
            <translation>Nouvelle personne</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Family name *</source>
            <translation>Nom de famille *</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Given names</source>
            <translation>Prénoms</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name in original script</source>
            <translation>Nom dans l'écriture d'origine</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+5" />
            <source>Service</source>
            <translation>Armée</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Nation *</source>
            <translation>Nationalité *</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rank</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location line="+1" />
            <source>NATO rank code</source>
            <translation>Code de grade OTAN</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unit / organisation</source>
            <translation>Unité / organisme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Position</source>
            <translation>Fonction</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <location line="+4" />
            <source>none recorded</source>
            <translation>aucune enregistrée</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Clearance and languages</source>
            <translation>Habilitation et langues</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clearance held</source>
            <translation>Habilitation détenue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Granted by</source>
            <translation>Délivrée par</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearance expiry</source>
            <translation>Expiration de l'habilitation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Languages</source>
            <translation>Langues</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Identity</source>
            <translation>Identité</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Date of birth</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Place of birth</source>
            <translation>Lieu de naissance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Passport number</source>
            <translation>Numéro de passeport</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Passport expiry</source>
            <translation>Expiration du passeport</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service number</source>
            <translation>Numéro matricule</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Visa type</source>
            <translation>Type de visa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Visa number</source>
            <translation>Numéro de visa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Visa expiry</source>
            <translation>Expiration du visa</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Show identity</source>
            <translation>Afficher l'identité</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show birth, passport and visa details (the view is audited)</source>
            <translation>Afficher la naissance, le passeport et le visa (la consultation est journalisée)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../app/ui/settings.py" line="+67" />
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <location line="+4" />
            <source> minutes</source>
            <translation> minutes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lock after</source>
            <translation>Verrouiller après</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+10" />
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <location line="-8" />
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A new language applies when Exchange Desk starts.</source>
            <translation>Une nouvelle langue s'applique au démarrage d'Exchange Desk.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lock the window after</source>
            <translation>Verrouiller la fenêtre après</translation>
        </message>
    </context>
    <context>
        <name>RecordController</name>
        <message>
            <location filename="../../app/ui/records/record_form.py" line="+87" />
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why change the status to {status}?</source>
            <translation>Pourquoi passer le statut à « {status} » ?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Status not changed: a reason is needed.</source>
            <translation>Statut non modifié : un motif est nécessaire.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Status changed to {status}.</source>
            <translation>Statut passé à « {status} ».</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status not changed.</source>
            <translation>Statut non modifié.</translation>
        </message>
    </context>
    <context>
        <name>RecordForm</name>
        <message>
            <location line="+43" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Status:</source>
            <translation>Statut :</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Who can see this?</source>
            <translation>Qui peut voir ceci ?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>List the users this record's label admits</source>
            <translation>Lister les utilisateurs admis par le marquage de cet enregistrement</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Change the status to {status}</source>
            <translation>Passer le statut à « {status} »</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change status to {status}</source>
            <translation>Passer le statut à {status}</translation>
        </message>
    </context>
    <context>
        <name>RecordListView</name>
        <message>
            <location filename="../../app/ui/list_view.py" line="+47" />
            <source>Filter (name, reference, unit…)  Ctrl+Shift+F</source>
            <translation>Filtrer (nom, référence, unité…)  Ctrl+Maj+F</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Quick filter</source>
            <translation>Filtre rapide</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Status filter</source>
            <translation>Filtre de statut</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Any status</source>
            <translation>Tous statuts</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Any nation</source>
            <translation>Toutes nations</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nation filter</source>
            <translation>Filtre de nation</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export this list, as filtered and sorted, to CSV or Excel</source>
            <translation>Exporter cette liste, filtrée et triée, en CSV ou Excel</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export list</source>
            <translation>Exporter la liste</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Records</source>
            <translation>Enregistrements</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Counting…</source>
            <translation>Décompte…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not read the list</source>
            <translation>Impossible de lire la liste</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln enregistrement</numerusform>
                <numerusform>%Ln enregistrements</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReferenceChooser</name>
        <message>
            <location filename="../../app/ui/report_dialog.py" line="+57" />
            <source>reference, e.g. EX-2026-7KQ3M</source>
            <translation>référence, p. ex. EX-2026-7KQ3M</translation>
        </message>
        <message>
            <location line="+2" />
            <source>reference or pick from the list</source>
            <translation>référence, ou choisir dans la liste</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <location line="-16" />
            <source>US Letter</source>
            <translation>Lettre US</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Reports — Exchange Desk</source>
            <translation>Rapports — Exchange Desk</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+33" />
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <location line="-26" />
            <location line="+28" />
            <source>Paper</source>
            <translation>Papier</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preview…</source>
            <translation>Aperçu…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print…</source>
            <translation>Imprimer…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as PDF…</source>
            <translation>Enregistrer en PDF…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Any nation</source>
            <translation>Toutes nations</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Any status</source>
            <translation>Tous statuts</translation>
        </message>
        <message>
            <location line="+42" />
            <source>{field} is required for this report.</source>
            <translation>{field} est obligatoire pour ce rapport.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preparing the report…</source>
            <translation>Préparation du rapport…</translation>
        </message>
        <message>
            <location line="+44" />
            <source>The report could not be produced: {message}</source>
            <translation>Le rapport n'a pas pu être produit : {message}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Cancelled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Save report as PDF</source>
            <translation>Enregistrer le rapport en PDF</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+26" />
            <source> (Preview needs poppler's pdftoppm; use Save as PDF.)</source>
            <translation> (L'aperçu nécessite pdftoppm de poppler ; utilisez Enregistrer en PDF.)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Preview — {report}</source>
            <translation>Aperçu — {report}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Print</source>
            <translation>Imprimer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Printing needs poppler's pdftoppm; save the report as PDF and print that.</source>
            <translation>L'impression nécessite pdftoppm de poppler ; enregistrez le rapport en PDF et imprimez celui-ci.</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../../app/ui/search_box.py" line="-213" />
            <source>Search results</source>
            <translation>Résultats de la recherche</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Record</source>
            <translation>Enregistrement</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Match</source>
            <translation>Correspondance</translation>
        </message>
        <message>
            <location line="+70" />
            <source>No matches — did you mean “{suggestion}”?</source>
            <translation>Aucun résultat — vouliez-vous dire « {suggestion} » ?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No matches</source>
            <translation>Aucun résultat</translation>
        </message>
        <message>
            <location line="+5" />
            <source>More than {total} matches: best {shown} of the {total} most recent · refine the search · Enter opens · Esc closes</source>
            <translation>Plus de {total} résultats : les {shown} meilleurs des {total} plus récents · affinez la recherche · Entrée ouvre · Échap ferme</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Best {shown} of {total} matches · Enter opens · Esc closes</source>
            <translation>Les {shown} meilleurs sur {total} résultats · Entrée ouvre · Échap ferme</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%Ln match(es) · Enter opens · Esc closes</source>
            <translation>
                <numerusform>%Ln résultat · Entrée ouvre · Échap ferme</numerusform>
                <numerusform>%Ln résultats · Entrée ouvre · Échap ferme</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Field</name>
        <message>
            <source>After-action summary</source>
            <translation>Compte rendu après action</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>Accord</translation>
        </message>
        <message>
            <source>Allotted</source>
            <translation>Attribué</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Montant</translation>
        </message>
        <message>
            <source>Arrival</source>
            <translation>Arrivée</translation>
        </message>
        <message>
            <source>Assignment</source>
            <translation>Affectation</translation>
        </message>
        <message>
            <source>Budget</source>
            <translation>Budget</translation>
        </message>
        <message>
            <source>Budget currency</source>
            <translation>Devise du budget</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <source>Clearance expiry</source>
            <translation>Expiration de l'habilitation</translation>
        </message>
        <message>
            <source>Clearance granted by</source>
            <translation>Habilitation délivrée par</translation>
        </message>
        <message>
            <source>Clearance held</source>
            <translation>Habilitation détenue</translation>
        </message>
        <message>
            <source>Cost lines</source>
            <translation>Lignes de coût</translation>
        </message>
        <message>
            <source>Counterparts</source>
            <translation>Homologues</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Devise</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <source>Date signed</source>
            <translation>Date de signature</translation>
        </message>
        <message>
            <source>Declassify on</source>
            <translation>Déclassifier le</translation>
        </message>
        <message>
            <source>Departure</source>
            <translation>Départ</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Sens</translation>
        </message>
        <message>
            <source>Disclosure categories</source>
            <translation>Catégories de communication</translation>
        </message>
        <message>
            <source>Disclosure limit (level)</source>
            <translation>Limite de communication (niveau)</translation>
        </message>
        <message>
            <source>Domains</source>
            <translation>Domaines</translation>
        </message>
        <message>
            <source>Duties</source>
            <translation>Attributions</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>Effective</source>
            <translation>Entrée en vigueur</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>Date de fin</translation>
        </message>
        <message>
            <source>Exchange</source>
            <translation>Échange</translation>
        </message>
        <message>
            <source>Expiry</source>
            <translation>Expiration</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Nom de famille</translation>
        </message>
        <message>
            <source>Feedback comments</source>
            <translation>Commentaires du retour d'expérience</translation>
        </message>
        <message>
            <source>Feedback score</source>
            <translation>Note du retour d'expérience</translation>
        </message>
        <message>
            <source>Follow-up done</source>
            <translation>Suivi effectué</translation>
        </message>
        <message>
            <source>Follow-up due</source>
            <translation>Suivi à faire le</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Prénoms</translation>
        </message>
        <message>
            <source>Home point of contact</source>
            <translation>Point de contact national</translation>
        </message>
        <message>
            <source>Host nation</source>
            <translation>Nation hôte</translation>
        </message>
        <message>
            <source>Host organisation</source>
            <translation>Organisme d'accueil</translation>
        </message>
        <message>
            <source>Invitational travel order</source>
            <translation>Ordre de mission sur invitation</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>Langues</translation>
        </message>
        <message>
            <source>Lead coordinator</source>
            <translation>Coordinateur principal</translation>
        </message>
        <message>
            <source>Lessons learned</source>
            <translation>Retour d'expérience</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <source>Media type</source>
            <translation>Type de média</translation>
        </message>
        <message>
            <source>NATO rank code</source>
            <translation>Code de grade OTAN</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Name in original script</source>
            <translation>Nom dans l'écriture d'origine</translation>
        </message>
        <message>
            <source>Nation</source>
            <translation>Nationalité</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Notice period (days)</source>
            <translation>Préavis (jours)</translation>
        </message>
        <message>
            <source>Objectives</source>
            <translation>Objectifs</translation>
        </message>
        <message>
            <source>Parties</source>
            <translation>Parties</translation>
        </message>
        <message>
            <source>Partner nations</source>
            <translation>Nations partenaires</translation>
        </message>
        <message>
            <source>Passport expiry</source>
            <translation>Expiration du passeport</translation>
        </message>
        <message>
            <source>Passport number</source>
            <translation>Numéro de passeport</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Personne</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <source>Place of birth</source>
            <translation>Lieu de naissance</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Fonction</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Rating against objectives</source>
            <translation>Évaluation au regard des objectifs</translation>
        </message>
        <message>
            <source>Reason for cancelling</source>
            <translation>Motif de l'annulation</translation>
        </message>
        <message>
            <source>Reason for withdrawal</source>
            <translation>Motif du retrait</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Renewal terms</source>
            <translation>Conditions de renouvellement</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Champ d'application</translation>
        </message>
        <message>
            <source>Sending nation</source>
            <translation>Nation d'envoi</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Armée</translation>
        </message>
        <message>
            <source>Service number</source>
            <translation>Numéro matricule</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signé le</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Date de début</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Tour end</source>
            <translation>Fin de mission</translation>
        </message>
        <message>
            <source>Tour start</source>
            <translation>Début de mission</translation>
        </message>
        <message>
            <source>Travel</source>
            <translation>Déplacement</translation>
        </message>
        <message>
            <source>Unit / organisation</source>
            <translation>Unité / organisme</translation>
        </message>
        <message>
            <source>Visa</source>
            <translation>Visa</translation>
        </message>
        <message>
            <source>Visa expiry</source>
            <translation>Expiration du visa</translation>
        </message>
        <message>
            <source>Visa number</source>
            <translation>Numéro de visa</translation>
        </message>
        <message>
            <source>Visa type</source>
            <translation>Type de visa</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrateur</translation>
        </message>
        <message>
            <source>Air</source>
            <translation>Air</translation>
        </message>
        <message>
            <source>Air force</source>
            <translation>Armée de l'air</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approuvé</translation>
        </message>
        <message>
            <source>Army</source>
            <translation>Armée de terre</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Arrivé</translation>
        </message>
        <message>
            <source>Auditor</source>
            <translation>Auditeur</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <source>Civilian</source>
            <translation>Civil</translation>
        </message>
        <message>
            <source>Coast guard</source>
            <translation>Garde-côtes</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Cooperation agreement</source>
            <translation>Accord de coopération</translation>
        </message>
        <message>
            <source>Coordinator</source>
            <translation>Coordinateur</translation>
        </message>
        <message>
            <source>Course seat</source>
            <translation>Place en stage</translation>
        </message>
        <message>
            <source>Cyber</source>
            <translation>Cyber</translation>
        </message>
        <message>
            <source>Defence attaché</source>
            <translation>Attaché de défense</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Projet</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Achevé</translation>
        </message>
        <message>
            <source>Escort</source>
            <translation>Accompagnateur</translation>
        </message>
        <message>
            <source>Evaluated</source>
            <translation>Évalué</translation>
        </message>
        <message>
            <source>Exchange officer</source>
            <translation>Officier d'échange</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expiré</translation>
        </message>
        <message>
            <source>HADR exercise</source>
            <translation>Exercice HADR</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>En vigueur</translation>
        </message>
        <message>
            <source>In negotiation</source>
            <translation>En négociation</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <source>Instructor</source>
            <translation>Instructeur</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>Interprète</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Délivré</translation>
        </message>
        <message>
            <source>Joint</source>
            <translation>Interarmées</translation>
        </message>
        <message>
            <source>Joint exercise</source>
            <translation>Exercice interarmées</translation>
        </message>
        <message>
            <source>Land</source>
            <translation>Terre</translation>
        </message>
        <message>
            <source>Liaison</source>
            <translation>Liaison</translation>
        </message>
        <message>
            <source>Liaison officer</source>
            <translation>Officier de liaison</translation>
        </message>
        <message>
            <source>Loan agreement</source>
            <translation>Accord de prêt</translation>
        </message>
        <message>
            <source>Lodging</source>
            <translation>Hébergement</translation>
        </message>
        <message>
            <source>Marines</source>
            <translation>Infanterie de marine</translation>
        </message>
        <message>
            <source>Maritime</source>
            <translation>Maritime</translation>
        </message>
        <message>
            <source>Memorandum of agreement</source>
            <translation>Mémorandum d'accord</translation>
        </message>
        <message>
            <source>Memorandum of understanding</source>
            <translation>Mémorandum d'entente</translation>
        </message>
        <message>
            <source>Military aid agreement</source>
            <translation>Accord d'aide militaire</translation>
        </message>
        <message>
            <source>Mobile training team</source>
            <translation>Équipe mobile de formation</translation>
        </message>
        <message>
            <source>Mutual defence agreement</source>
            <translation>Accord de défense mutuelle</translation>
        </message>
        <message>
            <source>Navy</source>
            <translation>Marine nationale</translation>
        </message>
        <message>
            <source>Nominated</source>
            <translation>Désigné</translation>
        </message>
        <message>
            <source>Not required</source>
            <translation>Non requis</translation>
        </message>
        <message>
            <source>Observer</source>
            <translation>Observateur</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>Per diem</source>
            <translation>Indemnité journalière</translation>
        </message>
        <message>
            <source>Personnel exchange</source>
            <translation>Échange de personnel</translation>
        </message>
        <message>
            <source>Personnel exchange agreement</source>
            <translation>Accord d'échange de personnel</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planifié</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Proposé</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçu</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>Demandé</translation>
        </message>
        <message>
            <source>Seminar</source>
            <translation>Séminaire</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Envoyé</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signé</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Espace</translation>
        </message>
        <message>
            <source>Staff visit</source>
            <translation>Visite d'état-major</translation>
        </message>
        <message>
            <source>Status of forces agreement</source>
            <translation>Accord sur le statut des forces (SOFA)</translation>
        </message>
        <message>
            <source>Technical arrangement</source>
            <translation>Arrangement technique</translation>
        </message>
        <message>
            <source>Terminated</source>
            <translation>Résilié</translation>
        </message>
        <message>
            <source>Trainee</source>
            <translation>Stagiaire</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>Transport</translation>
        </message>
        <message>
            <source>Travel</source>
            <translation>Déplacement</translation>
        </message>
        <message>
            <source>Travel arranged</source>
            <translation>Déplacement organisé</translation>
        </message>
        <message>
            <source>Tuition</source>
            <translation>Frais de formation</translation>
        </message>
        <message>
            <source>Viewer</source>
            <translation>Lecteur</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Retiré</translation>
        </message>
    </context>
</TS>
