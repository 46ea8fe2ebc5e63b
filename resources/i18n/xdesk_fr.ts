<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>AgreementForm</name>
        <message>
            <location filename="../../app/ui/records/agreement_form.py" line="+46" />
            <location line="+50" />
            <source>Signatories</source>
            <translation>Signataires</translation>
        </message>
        <message>
            <location line="-48" />
            <source>Quotas</source>
            <translation>Quotas</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Direction: {directions}</source>
            <translation>Sens : {directions}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Direction</source>
            <translation>Sens</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Categories</source>
            <translation>Catégories</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allotted</source>
            <translation>Attribué</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Used</source>
            <translation>Utilisé</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining</source>
            <translation>Restant</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Quota use</source>
            <translation>Utilisation des quotas</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start</source>
            <translation>Début</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+6" />
            <source>Exchanges under this agreement</source>
            <translation>Échanges relevant de cet accord</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Quotas (billets per year and direction)</source>
            <translation>Quotas (postes par année et par sens)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quota use: allotted against used</source>
            <translation>Utilisation des quotas : attribués et utilisés</translation>
        </message>
        <message>
            <location line="+82" />
            <source>Billets sent: {sent}, received: {received}.</source>
            <translation>Postes envoyés : {sent}, reçus : {received}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Over quota: {lines}.</source>
            <translation>Quota dépassé : {lines}.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Signatories saved.</source>
            <translation>Signataires enregistrés.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signatories not saved.</source>
            <translation>Signataires non enregistrés.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signatories not saved: please correct the rows marked below the table.</source>
            <translation>Signataires non enregistrés : veuillez corriger les lignes signalées sous le tableau.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Quotas saved.</source>
            <translation>Quotas enregistrés.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quotas not saved.</source>
            <translation>Quotas non enregistrés.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quotas not saved: please correct the rows marked below the table.</source>
            <translation>Quotas non enregistrés : veuillez corriger les lignes signalées sous le tableau.</translation>
        </message>
    </context>
    <context>
        <name>AttachmentLabelDialog</name>
        <message>
            <location filename="../../app/ui/records/attachments_panel.py" line="+70" />
            <source>Classification of {name}</source>
            <translation>Classification de {name}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Mark the file &lt;b&gt;{name}&lt;/b&gt;:</source>
            <translation>Marquer le fichier &lt;b&gt;{name}&lt;/b&gt; :</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPanel</name>
        <message>
            <location line="-25" />
            <source>{size} MB</source>
            <translation>{size} Mo</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{size} kB</source>
            <translation>{size} ko</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{size} B</source>
            <translation>{size} o</translation>
        </message>
        <message>
            <location line="+43" />
            <location line="+44" />
            <source>Attachments</source>
            <translation>Pièces jointes</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Added</source>
            <translation>Ajouté</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{date} by {user}</source>
            <translation>{date} par {user}</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Add file…</source>
            <translation>Ajouter un fichier…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Attach a file to this record</source>
            <translation>Joindre un fichier à cet enregistrement</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open the selected file with its application</source>
            <translation>Ouvrir le fichier sélectionné avec son application</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save as…</source>
            <translation>Enregistrer sous…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save a copy of the selected file</source>
            <translation>Enregistrer une copie du fichier sélectionné</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Delete the selected file from the record</source>
            <translation>Supprimer de l'enregistrement le fichier sélectionné</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Could not read the attachments: {error}</source>
            <translation>Impossible de lire les pièces jointes : {error}</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Could not read {path}: {error}</source>
            <translation>Impossible de lire {path} : {error}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Attached {name}.</source>
            <translation>{name} joint.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not attached.</source>
            <translation>Non joint.</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Not opened.</source>
            <translation>Non ouvert.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Could not write {path}: {error}</source>
            <translation>Impossible d'écrire {path} : {error}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saved a copy as {path}, its label beside it as {path}.label.xml.</source>
            <translation>Copie enregistrée sous {path}, son marquage à côté sous {path}.label.xml.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Delete {name} from this record?</source>
            <translation>Supprimer {name} de cet enregistrement ?</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Deleted {name}.</source>
            <translation>{name} supprimé.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not deleted.</source>
            <translation>Non supprimé.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Attach a file</source>
            <translation>Joindre un fichier</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save a copy</source>
            <translation>Enregistrer une copie</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Delete attachment</source>
            <translation>Supprimer la pièce jointe</translation>
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <location filename="../../app/ui/admin/audit_view.py" line="+75" />
            <source>When (UTC)</source>
            <translation>Quand (UTC)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+59" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <location line="-58" />
            <location line="+59" />
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <location line="-58" />
            <location line="+59" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="-57" />
            <location line="+58" />
            <source>Record</source>
            <translation>Enregistrement</translation>
        </message>
        <message>
            <location line="-55" />
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Audit events</source>
            <translation>Événements d'audit</translation>
        </message>
        <message>
            <location line="+3" />
            <source>any user</source>
            <translation>tout utilisateur</translation>
        </message>
        <message>
            <location line="+2" />
            <source>any action</source>
            <translation>toute action</translation>
        </message>
        <message>
            <location line="+2" />
            <source>any kind</source>
            <translation>tout type</translation>
        </message>
        <message>
            <location line="+2" />
            <source>record id</source>
            <translation>identifiant d'enregistrement</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Filter by user</source>
            <translation>Filtrer par utilisateur</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter by action</source>
            <translation>Filtrer par action</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter by record kind</source>
            <translation>Filtrer par type d'enregistrement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter by record id</source>
            <translation>Filtrer par identifiant d'enregistrement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From date</source>
            <translation>Date de début</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To date</source>
            <translation>Date de fin</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Filter</source>
            <translation>Filtrer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Show the events matching the filters</source>
            <translation>Afficher les événements correspondant aux filtres</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Event details</source>
            <translation>Détails de l'événement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify trail</source>
            <translation>Vérifier le journal</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recompute the hash chain and report the first broken link</source>
            <translation>Recalculer la chaîne d'empreintes et signaler le premier maillon rompu</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Verification result</source>
            <translation>Résultat de la vérification</translation>
        </message>
        <message>
            <location line="+10" />
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>Au</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Details (before / after)</source>
            <translation>Détails (avant / après)</translation>
        </message>
        <message numerus="yes">
            <location line="+70" />
            <source>%Ln event(s)</source>
            <translation>
                <numerusform>%Ln événement</numerusform>
                <numerusform>%Ln événements</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source> (newest {limit} shown)</source>
            <translation> ({limit} plus récents affichés)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Verifying the audit trail…</source>
            <translation>Vérification du journal d'audit…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Verification cancelled.</source>
            <translation>Vérification annulée.</translation>
        </message>
        <message numerus="yes">
            <location line="+15" />
            <source>Trail intact: %Ln event(s) verified.</source>
            <translation>
                <numerusform>Journal intact : %Ln événement vérifié.</numerusform>
                <numerusform>Journal intact : %Ln événements vérifiés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>Trail BROKEN: %Ln problem(s).</source>
            <translation>
                <numerusform>Journal ROMPU : %Ln problème.</numerusform>
                <numerusform>Journal ROMPU : %Ln problèmes.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>First broken link: event {event} ({kind}): {message}</source>
            <translation>Premier maillon rompu : événement {event} ({kind}) : {message}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No details.</source>
            <translation>Aucun détail.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>(empty)</source>
            <translation>(vide)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
    </context>
    <context>
        <name>BackupRunner</name>
        <message>
            <location filename="../../app/ui/import_backup.py" line="+295" />
            <location line="+42" />
            <source>Back up the database</source>
            <translation>Sauvegarder la base de données</translation>
        </message>
        <message>
            <location line="-41" />
            <source>Backing up to {path}…</source>
            <translation>Sauvegarde dans {path}…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The backup failed: {error}</source>
            <translation>La sauvegarde a échoué : {error}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Backed up to {path} ({size} bytes, SHA-256 {digest}…).</source>
            <translation>Sauvegardé dans {path} ({size} octets, SHA-256 {digest}…).</translation>
        </message>
        <message>
            <location line="+16" />
            <source>SQLite database (*.sqlite)</source>
            <translation>Base de données SQLite (*.sqlite)</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../../app/ui/login.py" line="+134" />
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
            <location filename="../../app/ui/widgets.py" line="+354" />
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
        <message>
            <location line="+39" />
            <source>Remove {item}</source>
            <translation>Retirer {item}</translation>
        </message>
    </context>
    <context>
        <name>ClassificationBanner</name>
        <message>
            <location filename="../../app/ui/banner.py" line="+31" />
            <source>Classification banner</source>
            <translation>Bandeau de classification</translation>
        </message>
    </context>
    <context>
        <name>CollectionEditor</name>
        <message>
            <location filename="../../app/ui/records/collection_editor.py" line="+111" />
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add a row to {table}</source>
            <translation>Ajouter une ligne : {table}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Remove the selected row</source>
            <translation>Retirer la ligne sélectionnée</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save {table}</source>
            <translation>Enregistrer : {table}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the {table} table</source>
            <translation>Enregistrer le tableau : {table}</translation>
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
        <name>ConflictDialog</name>
        <message>
            <location filename="../../app/ui/records/conflict_dialog.py" line="+59" />
            <source>Changed by another user</source>
            <translation>Modifié par un autre utilisateur</translation>
        </message>
        <message>
            <location line="+3" />
            <source>another user</source>
            <translation>un autre utilisateur</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;b&gt;{record}&lt;/b&gt; was changed by &lt;b&gt;{by}&lt;/b&gt; at {when} since you opened it.</source>
            <translation>&lt;b&gt;{record}&lt;/b&gt; a été modifié par &lt;b&gt;{by}&lt;/b&gt; le {when} depuis que vous l’avez ouvert.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;b&gt;{record}&lt;/b&gt; was changed by &lt;b&gt;{by}&lt;/b&gt; since you opened it.</source>
            <translation>&lt;b&gt;{record}&lt;/b&gt; a été modifié par &lt;b&gt;{by}&lt;/b&gt; depuis que vous l’avez ouvert.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Your changes were &lt;b&gt;not saved&lt;/b&gt;; what you typed is still in the form.</source>
            <translation>Vos modifications &lt;b&gt;n’ont pas été enregistrées&lt;/b&gt; ; ce que vous avez saisi est toujours dans le formulaire.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>What they changed</source>
            <translation>Ce qui a été modifié</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Was</source>
            <translation>Avant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Now ({by})</source>
            <translation>Maintenant ({by})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You typed</source>
            <translation>Votre saisie</translation>
        </message>
        <message>
            <location line="+14" />
            <source>(changed; values not shown)</source>
            <translation>(modifié ; valeurs non affichées)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(empty)</source>
            <translation>(vide)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>What they changed:</source>
            <translation>Ce qui a été modifié :</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Which fields they changed is not recorded where you may read it.</source>
            <translation>Les champs modifiés ne sont pas consignés là où vous pouvez les lire.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&lt;b&gt;Reload&lt;/b&gt; shows the record as it is now and discards what you typed.</source>
            <translation>&lt;b&gt;Recharger&lt;/b&gt; affiche la fiche telle qu’elle est maintenant et abandonne votre saisie.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&lt;b&gt;Keep editing&lt;/b&gt; keeps what you typed; a later save is checked again, and it is refused while you and {by} both changed {fields} (reload to see their value, then type yours again).</source>
            <translation>&lt;b&gt;Continuer la saisie&lt;/b&gt; garde ce que vous avez saisi ; un enregistrement ultérieur est vérifié de nouveau, et il est refusé tant que vous et {by} avez tous deux modifié {fields} (rechargez pour voir leur valeur, puis saisissez de nouveau la vôtre).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&lt;b&gt;Keep editing&lt;/b&gt; keeps what you typed; a later save is checked again: fields they did not change are saved, nothing of theirs is overwritten.</source>
            <translation>&lt;b&gt;Continuer la saisie&lt;/b&gt; garde ce que vous avez saisi ; un enregistrement ultérieur est vérifié de nouveau : les champs qu’ils n’ont pas modifiés sont enregistrés, rien de leurs modifications n’est écrasé.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Reload</source>
            <translation>Recharger</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Read the record again, with the other user's changes</source>
            <translation>Relire la fiche, avec les modifications de l’autre utilisateur</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep editing</source>
            <translation>Continuer la saisie</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close this message; what you typed stays in the form</source>
            <translation>Fermer ce message ; votre saisie reste dans le formulaire</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <location filename="../../app/ui/connect_dialog.py" line="+205" />
            <source>Connect to a server</source>
            <translation>Se connecter à un serveur</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Connect to the office's Exchange Desk server</source>
            <translation>Se connecter au serveur Exchange Desk du bureau</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your IT department gives you the server, its database and the CA file.</source>
            <translation>Votre service informatique vous indique le serveur, sa base de données et le fichier de l'autorité de certification (CA).</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Connect</source>
            <translation>Se connecter</translation>
        </message>
    </context>
    <context>
        <name>ContactLogPanel</name>
        <message>
            <location filename="../../app/ui/records/liaison_form.py" line="+51" />
            <source>Contact log</source>
            <translation>Journal des contacts</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+31" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+31" />
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+31" />
            <source>Counterparts</source>
            <translation>Homologues</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+32" />
            <source>Follow-up due</source>
            <translation>Suivi à faire le</translation>
        </message>
        <message>
            <location line="-30" />
            <source>Done</source>
            <translation>Effectué</translation>
        </message>
        <message>
            <location line="+2" />
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <location line="+2" />
            <source>open</source>
            <translation>à faire</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Contact log entries</source>
            <translation>Entrées du journal des contacts</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Follow-up done</source>
            <translation>Suivi effectué</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <location line="+13" />
            <source>New entry</source>
            <translation>Nouvelle entrée</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start a new contact-log entry</source>
            <translation>Commencer une nouvelle entrée du journal des contacts</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save entry</source>
            <translation>Enregistrer l'entrée</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save this contact-log entry</source>
            <translation>Enregistrer cette entrée du journal des contacts</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete entry</source>
            <translation>Supprimer l'entrée</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Delete the selected entry</source>
            <translation>Supprimer l'entrée sélectionnée</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Could not read the contact log: {error}</source>
            <translation>Impossible de lire le journal des contacts : {error}</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Entry saved: {subject}.</source>
            <translation>Entrée enregistrée : {subject}.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Entry not saved.</source>
            <translation>Entrée non enregistrée.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Entry not saved. Please correct the fields marked.</source>
            <translation>Entrée non enregistrée. Veuillez corriger les champs signalés.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Entry deleted.</source>
            <translation>Entrée supprimée.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Entry not deleted.</source>
            <translation>Entrée non supprimée.</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesView</name>
        <message>
            <location filename="../../app/ui/deadlines_view.py" line="+46" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In</source>
            <translation>Dans</translation>
        </message>
        <message>
            <location line="+0" />
            <source>status to fix</source>
            <translation>statut à corriger</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Deadlines</source>
            <translation>Échéances</translation>
        </message>
        <message>
            <location line="+6" />
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time</source>
            <translation>Délai</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show what falls due within this many days (overdue items are always shown)</source>
            <translation>Afficher ce qui arrive à échéance dans ce nombre de jours (les éléments en retard sont toujours affichés)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Read the deadlines again</source>
            <translation>Relire les échéances</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Lead &amp;time:</source>
            <translation>&amp;Délai :</translation>
        </message>
        <message>
            <location line="+56" />
            <source>{count} due within {lead} days</source>
            <translation>{count} à échéance sous {lead} jours</translation>
        </message>
        <message>
            <location line="+3" />
            <source>, {count} overdue (bold)</source>
            <translation>, dont {count} en retard (en gras)</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>; %Ln status(es) to fix</source>
            <translation>
                <numerusform>; %Ln statut à corriger</numerusform>
                <numerusform>; %Ln statuts à corriger</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>overdue {days} d</source>
            <translation>en retard de {days} j</translation>
        </message>
        <message>
            <location line="+2" />
            <source>today</source>
            <translation>aujourd'hui</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{days} d</source>
            <translation>{days} j</translation>
        </message>
    </context>
    <context>
        <name>Editors</name>
        <message>
            <location filename="../../app/ui/records/editors.py" line="+119" />
            <source>Search…</source>
            <translation>Rechercher…</translation>
        </message>
    </context>
    <context>
        <name>ExchangeForm</name>
        <message>
            <location filename="../../app/ui/records/exchange_form.py" line="+538" />
            <source>travel 1200.00 USD Return flights; lodging 800 EUR</source>
            <translation>travel 1200.00 USD Vols aller-retour; lodging 800 EUR Hébergement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. USD</source>
            <translation>p. ex. EUR</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 (poor) to 5 (fully met)</source>
            <translation>1 (insuffisant) à 5 (pleinement atteint)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>username</source>
            <translation>identifiant</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+6" />
            <source>Cost lines</source>
            <translation>Lignes de coût</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Category: {categories}; currency: ISO 4217 (USD, EUR…)</source>
            <translation>Catégorie : {categories} ; devise : ISO 4217 (USD, EUR…)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>&lt;b&gt;Cancelled&lt;/b&gt;: {reason}</source>
            <translation>&lt;b&gt;Annulé&lt;/b&gt; : {reason}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Cost lines not saved: please correct the rows marked below the table.</source>
            <translation>Lignes de coût non enregistrées : veuillez corriger les lignes signalées sous le tableau.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cost lines saved.</source>
            <translation>Lignes de coût enregistrées.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost lines not saved.</source>
            <translation>Lignes de coût non enregistrées.</translation>
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
            <location line="+33" />
            <source>Exported {records} to {file}, marked {marking}.
Its label (STANAG 4774, bound to the file by STANAG 4778): {label}</source>
            <translation>{records} exportés vers {file}, marqués {marking}.
Son étiquette (STANAG 4774, liée au fichier par STANAG 4778) : {label}</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln enregistrement</numerusform>
                <numerusform>%Ln enregistrements</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
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
            <location line="+12" />
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
            <location line="+5" />
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
            <location line="-25" />
            <location line="+20" />
            <source>Database file</source>
            <translation>Fichier de base de données</translation>
        </message>
        <message>
            <location line="-12" />
            <location line="+15" />
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
            <location line="+9" />
            <source>Connect</source>
            <translation>Se connecter</translation>
        </message>
        <message>
            <location line="-1" />
            <location line="+2" />
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
            <location line="+1" />
            <source>Save the record first</source>
            <translation>Enregistrez d'abord l'enregistrement</translation>
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
            <location line="+1" />
            <source>Save the person first</source>
            <translation>Enregistrez d'abord la fiche de la personne</translation>
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
            <location line="+1" />
            <source>Save the exchange first</source>
            <translation>Enregistrez d'abord l'échange</translation>
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
            <location line="+1" />
            <source>Save the agreement first</source>
            <translation>Enregistrez d'abord l'accord</translation>
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
            <location line="+1" />
            <source>Save the liaison assignment first</source>
            <translation>Enregistrez d'abord l'affectation de liaison</translation>
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
        <message>
            <location line="+1" />
            <source>Save the participation first</source>
            <translation>Enregistrez d'abord la participation</translation>
        </message>
    </context>
    <context>
        <name>FormController</name>
        <message>
            <location line="+67" />
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
            <location line="+35" />
            <source>another user</source>
            <translation>un autre utilisateur</translation>
        </message>
        <message>
            <location line="-31" />
            <source>{by} changed this record at {when}.</source>
            <translation>{by} a modifié cette fiche le {when}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{by} changed this record.</source>
            <translation>{by} a modifié cette fiche.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>What you typed is still here; the changes of {by} are shown after Reload (Revert).</source>
            <translation>Votre saisie est toujours là ; les modifications de {by} s’affichent après Recharger (Rétablir).</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Reloaded: the changes of {by} of {when} are shown; what you had typed was discarded.</source>
            <translation>Rechargé : les modifications de {by} du {when} sont affichées ; votre saisie a été abandonnée.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reloaded: the changes of {by} are shown; what you had typed was discarded.</source>
            <translation>Rechargé : les modifications de {by} sont affichées ; votre saisie a été abandonnée.</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Something went wrong; see the message.</source>
            <translation>Une erreur s’est produite ; voir le message.</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Reason (recorded in the audit trail):</source>
            <translation>Motif (consigné dans la piste d’audit) :</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
    </context>
    <context>
        <name>FormView</name>
        <message>
            <location filename="../../app/ui/records/form_view.py" line="+75" />
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
            <location line="+7" />
            <source>e.g. Completion of Exercise Steadfast Jupiter</source>
            <translation>p. ex. Fin de l’exercice Steadfast Jupiter</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Instead of a date: the event that declassifies this record. It is declassified 25 years after its creation at the latest, if the event has not happened.</source>
            <translation>Au lieu d’une date : l’événement qui déclassifie cet enregistrement. Il est déclassifié au plus tard 25 ans après sa création si l’événement n’a pas eu lieu.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>None (25 years)</source>
            <translation>Aucune (25 ans)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An exemption from declassification at 25 years: 25X1 to 25X9 with a date or an event at most 50 years after creation; 50X1-HUM or 50X2-WMD alone (75 years).</source>
            <translation>Une exemption de déclassification à 25 ans : 25X1 à 25X9 avec une date ou un événement au plus 50 ans après la création ; 50X1-HUM ou 50X2-WMD seule (75 ans).</translation>
        </message>
        <message>
            <location line="+19" />
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
            <location filename="../../app/ui/idle_lock.py" line="+154" />
            <source>(the lock could not be recorded: {error})</source>
            <translation>(le verrouillage n'a pas pu être journalisé : {error})</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../app/ui/import_backup.py" line="-292" />
            <source>Import records</source>
            <translation>Importer des enregistrements</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A CSV file with a header row of field names (Help → Import and export formats)</source>
            <translation>Un fichier CSV dont la ligne d'en-tête donne les noms des champs (Aide → Formats d'import et d'export)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>All or nothing: import no row if any row is bad</source>
            <translation>Tout ou rien : n'importer aucune ligne si une ligne est incorrecte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import it again: I mean to store its rows a second time</source>
            <translation>L'importer à nouveau : je veux enregistrer ses lignes une seconde fois</translation>
        </message>
        <message>
            <location line="-14" />
            <location line="+17" />
            <source>Records</source>
            <translation>Enregistrements</translation>
        </message>
        <message>
            <location line="-15" />
            <location line="+16" />
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Import report</source>
            <translation>Compte rendu de l'import</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preview first: the rows the import would store, the rejected rows with their line numbers and the probable duplicates are listed here before anything is stored.</source>
            <translation>Commencez par l'aperçu : les lignes que l'importation enregistrerait, les lignes rejetées avec leur numéro et les doublons probables sont listés ici avant tout enregistrement.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Import file</source>
            <translation>Fichier à importer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CSV (*.csv);;JSON (*.json);;All files (*)</source>
            <translation>CSV (*.csv);;JSON (*.json);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Choose a file to import.</source>
            <translation>Choisissez un fichier à importer.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Checking the file…</source>
            <translation>Vérification du fichier…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Importing…</source>
            <translation>Importation…</translation>
        </message>
        <message numerus="yes">
            <location line="+22" />
            <source>%Ln rejected</source>
            <translation>
                <numerusform>%Ln rejetée</numerusform>
                <numerusform>%Ln rejetées</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%Ln warning(s)</source>
            <translation>
                <numerusform>%Ln avertissement</numerusform>
                <numerusform>%Ln avertissements</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Imported {imported} of {total} rows from {file}</source>
            <translation>{imported} lignes sur {total} importées depuis {file}</translation>
        </message>
        <message>
            <location line="+4" />
            <source> — nothing was imported (all or nothing)</source>
            <translation> — rien n'a été importé (tout ou rien)</translation>
        </message>
        <message>
            <location line="+5" />
            <source> ({counts}, listed below).</source>
            <translation> ({counts}, détaillés ci-dessous).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cancelled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Preview of {file}: {rows}. Nothing has been stored.</source>
            <translation>Aperçu de {file} : {rows}. Rien n'a été enregistré.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An import would store {records}</source>
            <translation>Une importation enregistrerait {records}</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln enregistrement</numerusform>
                <numerusform>%Ln enregistrements</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>, reject {rows}</source>
            <translation>, rejetterait {rows}</translation>
        </message>
        <message>
            <location line="+2" />
            <source> and warn of {duplicates}</source>
            <translation> et signalerait {duplicates}</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%Ln probable duplicate(s)</source>
            <translation>
                <numerusform>%Ln doublon probable</numerusform>
                <numerusform>%Ln doublons probables</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Columns: {columns}</source>
            <translation>Colonnes : {columns}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>You imported this file before, on {when} ({rows} stored): importing it again stores its rows a second time. Tick “Import it again” only if that is what you mean.</source>
            <translation>Vous avez déjà importé ce fichier, le {when} ({rows} enregistrées) : l'importer à nouveau enregistre ses lignes une seconde fois. Ne cochez « L'importer à nouveau » que si c'est bien votre intention.</translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>%Ln row(s)</source>
            <translation>
                <numerusform>%Ln ligne</numerusform>
                <numerusform>%Ln lignes</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>The import failed: {message}</source>
            <translation>L'importation a échoué : {message}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
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
            <location filename="../../app/ui/navigation.py" line="+30" />
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
            <location filename="../../app/ui/widgets.py" line="+95" />
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
            <location line="-332" />
            <source>Language (ISO 639)</source>
            <translation>Langue (ISO 639)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Profile (e.g. 3/3/2/2)</source>
            <translation>Profil (p. ex. 3/3/2/2)</translation>
        </message>
        <message>
            <location line="+6" />
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
        <name>LiaisonForm</name>
        <message>
            <location filename="../../app/ui/records/liaison_form.py" line="+64" />
            <source>not set</source>
            <translation>non défini</translation>
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
            <location filename="../../app/ui/records/messages.py" line="+28" />
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Please note:</source>
            <translation>À noter :</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location line="+10" />
            <source>Please correct: {errors}</source>
            <translation>Veuillez corriger : {errors}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not allowed: {error}</source>
            <translation>Non autorisé : {error}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not found: {error}</source>
            <translation>Introuvable : {error}</translation>
        </message>
        <message>
            <location line="+4" />
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
            <location filename="../../app/ui/widgets.py" line="-154" />
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
        <name>ParticipantsPanel</name>
        <message>
            <location filename="../../app/ui/records/exchange_form.py" line="-505" />
            <location line="+27" />
            <source>Participants</source>
            <translation>Participants</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Person</source>
            <translation>Personne</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+26" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location line="-24" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Arrival</source>
            <translation>Arrivée</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Departure</source>
            <translation>Départ</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Find a person by name, reference or passport…</source>
            <translation>Rechercher une personne par nom, référence ou passeport…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find a person</source>
            <translation>Rechercher une personne</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Find</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <location line="+0" />
            <source>List the people matching the text</source>
            <translation>Lister les personnes correspondant au texte</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Person to add</source>
            <translation>Personne à ajouter</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Add participant</source>
            <translation>Ajouter le participant</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add the chosen person to this exchange</source>
            <translation>Ajouter la personne choisie à cet échange</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Next status</source>
            <translation>Statut suivant</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Change status</source>
            <translation>Changer le statut</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move the selected participant to the chosen status</source>
            <translation>Passer le participant sélectionné au statut choisi</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the selected participant from the exchange</source>
            <translation>Retirer de l'échange le participant sélectionné</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Participant warnings</source>
            <translation>Avertissements du participant</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Selected:</source>
            <translation>Sélection :</translation>
        </message>
        <message>
            <location line="+121" />
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No warnings for {name}.</source>
            <translation>Aucun avertissement pour {name}.</translation>
        </message>
        <message>
            <location line="+39" />
            <source>No person matches; try another spelling or the reference.</source>
            <translation>Aucune personne ne correspond ; essayez une autre orthographe ou la référence.</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Find and choose a person first.</source>
            <translation>Recherchez et choisissez d'abord une personne.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>{name} added as {role}.</source>
            <translation>{name} ajouté en tant que {role}.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not added.</source>
            <translation>Non ajouté.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Why is {name} withdrawn?</source>
            <translation>Motif du retrait de {name} ?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Status not changed: withdrawing needs a reason.</source>
            <translation>Statut non modifié : un retrait doit être motivé.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{name}: {status}.</source>
            <translation>{name} : {status}.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Status not changed.</source>
            <translation>Statut non modifié.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Remove {name} from this exchange?</source>
            <translation>Retirer {name} de cet échange ?</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{name} removed.</source>
            <translation>{name} retiré.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not removed.</source>
            <translation>Non retiré.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason (recorded in the audit trail):</source>
            <translation>Motif (consigné dans le journal d'audit) :</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Remove participant</source>
            <translation>Retirer le participant</translation>
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
        <name>PersonRelated</name>
        <message>
            <location filename="../../app/ui/person_related.py" line="+54" />
            <location line="+14" />
            <source>Mark</source>
            <translation>Marque</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Exchange</source>
            <translation>Échange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+16" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Arrival</source>
            <translation>Arrivée</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Departure</source>
            <translation>Départ</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Host</source>
            <translation>Accueil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start</source>
            <translation>Début</translation>
        </message>
        <message>
            <location line="+1" />
            <source>End</source>
            <translation>Fin</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exchanges of this person</source>
            <translation>Échanges de cette personne</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Liaison tours of this person</source>
            <translation>Missions de liaison de cette personne</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exchanges</source>
            <translation>Échanges</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Liaison tours</source>
            <translation>Missions de liaison</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attachments</source>
            <translation>Pièces jointes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Who can see this?</source>
            <translation>Qui peut voir ceci ?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The users whose clearance, nationality and groups admit this person's record</source>
            <translation>Les utilisateurs dont l’habilitation, la nationalité et les groupes donnent accès à la fiche de cette personne</translation>
        </message>
        <message>
            <location line="+80" />
            <source>Exchanges ({count})</source>
            <translation>Échanges ({count})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Liaison tours ({count})</source>
            <translation>Missions de liaison ({count})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>this person</source>
            <translation>cette personne</translation>
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
            <location line="+3" />
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
            <location line="-8" />
            <location line="+11" />
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
            <location line="+43" />
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
        <message>
            <location filename="../../app/ui/records/agreement_form.py" line="-205" />
            <source>Agreement</source>
            <translation>Accord</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dates and terms</source>
            <translation>Dates et conditions</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Scope</source>
            <translation>Champ d'application</translation>
        </message>
        <message>
            <location filename="../../app/ui/records/exchange_form.py" line="+12" />
            <source>Exchange</source>
            <translation>Échange</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Dates</source>
            <translation>Dates</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Objectives and budget</source>
            <translation>Objectifs et budget</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <location filename="../../app/ui/records/liaison_form.py" line="-19" />
            <source>Assignment</source>
            <translation>Affectation</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tour</source>
            <translation>Affectation sur place</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Disclosure</source>
            <translation>Communication</translation>
        </message>
        <message>
            <location filename="../../app/ui/records/participation_form.py" line="+20" />
            <source>Participant</source>
            <translation>Participant</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Travel</source>
            <translation>Déplacement</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Feedback</source>
            <translation>Retour d'expérience</translation>
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
            <location filename="../../app/ui/report_dialog.py" line="+56" />
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
        <name>ReferencePicker</name>
        <message>
            <location filename="../../app/ui/records/reference_picker.py" line="+53" />
            <source>Type a reference or a name…</source>
            <translation>Saisir une référence ou un nom…</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <location filename="../../app/ui/report_dialog.py" line="-16" />
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
            <location line="+34" />
            <source>{pages}, {records}, marked {marking}.</source>
            <translation>{pages}, {records}, marqué {marking}.</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%Ln page(s)</source>
            <translation>
                <numerusform>%Ln page</numerusform>
                <numerusform>%Ln pages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln enregistrement</numerusform>
                <numerusform>%Ln enregistrements</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
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
        <name>ServerForm</name>
        <message>
            <location filename="../../app/ui/connect_dialog.py" line="-178" />
            <source>no encryption: passwords and records cross the network readable</source>
            <translation>aucun chiffrement : mots de passe et enregistrements circulent en clair sur le réseau</translation>
        </message>
        <message>
            <location line="+3" />
            <source>encrypted if the server offers it, the server not checked</source>
            <translation>chiffré si le serveur le propose, le serveur non vérifié</translation>
        </message>
        <message>
            <location line="+3" />
            <source>always encrypted, the server not checked</source>
            <translation>toujours chiffré, le serveur non vérifié</translation>
        </message>
        <message>
            <location line="+1" />
            <source>encrypted; the server's certificate must come from the CA file</source>
            <translation>chiffré ; le certificat du serveur doit provenir du fichier CA</translation>
        </message>
        <message>
            <location line="+3" />
            <source>encrypted; the certificate must come from the CA file and name this host</source>
            <translation>chiffré ; le certificat doit provenir du fichier CA et nommer cet hôte</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+38" />
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <location line="-29" />
            <location line="+31" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+93" />
            <source>your username</source>
            <translation>votre identifiant</translation>
        </message>
        <message>
            <location line="-90" />
            <location line="+28" />
            <source>TLS mode</source>
            <translation>Mode TLS</translation>
        </message>
        <message>
            <location line="-18" />
            <source>the office CA's certificate (.pem, .crt)</source>
            <translation>le certificat de l'autorité de certification du bureau (.pem, .crt)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <location line="-28" />
            <location line="+41" />
            <source>Server</source>
            <translation>Serveur</translation>
        </message>
        <message>
            <location line="-32" />
            <location line="+34" />
            <source>Database</source>
            <translation>Base de données</translation>
        </message>
        <message>
            <location line="-17" />
            <location line="+21" />
            <source>CA file</source>
            <translation>Fichier CA</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The password is asked when you log in; it is never stored.</source>
            <translation>Le mot de passe est demandé à la connexion ; il n'est jamais conservé.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Only the modes that verify the server (verify-ca, verify-full) use a CA file</source>
            <translation>Seuls les modes qui vérifient le serveur (verify-ca, verify-full) utilisent un fichier CA</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The CA certificate that signed the server's certificate</source>
            <translation>Le certificat de l'autorité qui a signé le certificat du serveur</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>name the server (host name or address)</source>
            <translation>indiquez le serveur (nom d'hôte ou adresse)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>name the database on the server</source>
            <translation>indiquez la base de données sur le serveur</translation>
        </message>
        <message>
            <location line="+5" />
            <source>there is no file {path}</source>
            <translation>le fichier {path} n'existe pas</translation>
        </message>
    </context>
    <context>
        <name>Switching</name>
        <message>
            <location filename="../../app/ui/switching.py" line="+37" />
            <source>Opening {target}…</source>
            <translation>Ouverture de {target}…</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Stayed on this database.</source>
            <translation>Base de données inchangée.</translation>
        </message>
    </context>
    <context>
        <name>UsersView</name>
        <message>
            <location filename="../../app/ui/admin/users_view.py" line="+55" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+112" />
            <location line="+14" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location line="-125" />
            <location line="+48" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location line="-47" />
            <source>Cleared</source>
            <translation>Habilité</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nation</source>
            <translation>Nationalité</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Groups</source>
            <translation>Groupes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location line="+2" />
            <source>locked</source>
            <translation>verrouillé</translation>
        </message>
        <message>
            <location line="+2" />
            <source>active</source>
            <translation>actif</translation>
        </message>
        <message>
            <location line="+0" />
            <source>deactivated</source>
            <translation>désactivé</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Last login</source>
            <translation>Dernière connexion</translation>
        </message>
        <message>
            <location line="+4" />
            <source>User accounts</source>
            <translation>Comptes utilisateurs</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Search need-to-know groups…</source>
            <translation>Rechercher des groupes de besoin d'en connaître…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Username</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Display name</source>
            <translation>Nom affiché</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password (new account)</source>
            <translation>Mot de passe (nouveau compte)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clearance</source>
            <translation>Habilitation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nationality</source>
            <translation>Nationalité</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+51" />
            <source>Need-to-know groups</source>
            <translation>Groupes de besoin d'en connaître</translation>
        </message>
        <message>
            <location line="-43" />
            <source>New</source>
            <translation>Nouveau</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start a new account</source>
            <translation>Commencer un nouveau compte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create</source>
            <translation>Créer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Create the account</source>
            <translation>Créer le compte</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save changes</source>
            <translation>Enregistrer les modifications</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save role, clearance, nationality and groups</source>
            <translation>Enregistrer le rôle, l'habilitation, la nationalité et les groupes</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reset password…</source>
            <translation>Réinitialiser le mot de passe…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set a new password the user must change</source>
            <translation>Définir un nouveau mot de passe que l'utilisateur devra changer</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unlock</source>
            <translation>Déverrouiller</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lift a lockout after failed logins</source>
            <translation>Lever un verrouillage après des connexions échouées</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deactivate</source>
            <translation>Désactiver</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stop this account from logging in</source>
            <translation>Empêcher ce compte de se connecter</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reactivate</source>
            <translation>Réactiver</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Let this account log in again</source>
            <translation>Permettre à ce compte de se connecter de nouveau</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Account</source>
            <translation>Compte</translation>
        </message>
        <message>
            <location line="+7" />
            <source>new need-to-know group name</source>
            <translation>nom du nouveau groupe de besoin d'en connaître</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New need-to-know group</source>
            <translation>Nouveau groupe de besoin d'en connaître</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add group</source>
            <translation>Ajouter le groupe</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Create this need-to-know group</source>
            <translation>Créer ce groupe de besoin d'en connaître</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Search nations…</source>
            <translation>Rechercher des nations…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Save nation group</source>
            <translation>Enregistrer le groupe de nations</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save this nation group's name and members</source>
            <translation>Enregistrer le nom et les membres de ce groupe de nations</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nation groups</source>
            <translation>Groupes de nations</translation>
        </message>
        <message>
            <location line="-13" />
            <location line="+15" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location line="-9" />
            <location line="+11" />
            <source>Members</source>
            <translation>Membres</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Account {user} unlocked.</source>
            <translation>Compte {user} déverrouillé.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Account {user} deactivated.</source>
            <translation>Compte {user} désactivé.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Account {user} reactivated.</source>
            <translation>Compte {user} réactivé.</translation>
        </message>
        <message>
            <location line="+121" />
            <source>{what}: please correct the fields marked.</source>
            <translation>{what} : veuillez corriger les champs signalés.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Account {user} created; the user must change the password at first login.</source>
            <translation>Compte {user} créé ; l'utilisateur devra changer le mot de passe à la première connexion.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Account not created</source>
            <translation>Compte non créé</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+25" />
            <location line="+19" />
            <source>Select an account first.</source>
            <translation>Sélectionnez d'abord un compte.</translation>
        </message>
        <message>
            <location line="-38" />
            <source>Account {user} saved.</source>
            <translation>Compte {user} enregistré.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Account not saved</source>
            <translation>Compte non enregistré</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Not done.</source>
            <translation>Non effectué.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Account {user} has a new password (to change at next login).</source>
            <translation>Le compte {user} a un nouveau mot de passe (à changer à la prochaine connexion).</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Need-to-know group {name} created.</source>
            <translation>Groupe de besoin d'en connaître {name} créé.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Group not created.</source>
            <translation>Groupe non créé.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Nation group not saved.</source>
            <translation>Groupe de nations non enregistré.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Nation group {code} saved.</source>
            <translation>Groupe de nations {code} enregistré.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Nation group {code} not changed.</source>
            <translation>Groupe de nations {code} non modifié.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Widen a nation group</source>
            <translation>Élargir un groupe de nations</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason:</source>
            <translation>Motif :</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reset password</source>
            <translation>Réinitialiser le mot de passe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password for {user}:</source>
            <translation>Nouveau mot de passe de {user} :</translation>
        </message>
    </context>
    <context>
        <name>WhoCanSeeDialog</name>
        <message>
            <location filename="../../app/ui/admin/who_can_see.py" line="+35" />
            <source>Who can see this record</source>
            <translation>Qui peut voir cet enregistrement</translation>
        </message>
        <message>
            <location line="+4" />
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared</source>
            <translation>Habilité</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nation</source>
            <translation>Nationalité</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Groups</source>
            <translation>Groupes</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Users who can see the record</source>
            <translation>Utilisateurs qui peuvent voir l'enregistrement</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Marked {marking}</source>
            <translation>Marqué {marking}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reading the accounts…</source>
            <translation>Lecture des comptes…</translation>
        </message>
        <message numerus="yes">
            <location line="+15" />
            <source>%Ln active user(s) may read this record.</source>
            <translation>
                <numerusform>%Ln utilisateur actif peut lire cet enregistrement.</numerusform>
                <numerusform>%Ln utilisateurs actifs peuvent lire cet enregistrement.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Service</name>
        <message>
            <source> ({fields})</source>
            <translation> ({fields})</translation>
        </message>
        <message>
            <source> at {time}</source>
            <translation> le {time}</translation>
        </message>
        <message>
            <source>1 row</source>
            <translation>1 ligne</translation>
        </message>
        <message>
            <source>Agreement: {problem}</source>
            <translation>Accord : {problem}</translation>
        </message>
        <message>
            <source>Arrival {arrival} is after {reference} ends ({end})</source>
            <translation>L’arrivée ({arrival}) est postérieure à la fin de {reference} ({end})</translation>
        </message>
        <message>
            <source>Assignment: no liaison assignment {value}</source>
            <translation>Affectation : aucune affectation de liaison {value}</translation>
        </message>
        <message>
            <source>Budget currency is required when a budget amount is given (ISO 4217, e.g. USD)</source>
            <translation>La devise du budget est obligatoire quand un montant de budget est indiqué (ISO 4217, p. ex. USD)</translation>
        </message>
        <message>
            <source>Cancelling an exchange needs a reason</source>
            <translation>Annuler un échange demande un motif</translation>
        </message>
        <message>
            <source>Clearance held must be 0 to {top}</source>
            <translation>L’habilitation détenue doit aller de 0 à {top}</translation>
        </message>
        <message>
            <source>Content must be the file's bytes</source>
            <translation>Le contenu doit être les octets du fichier</translation>
        </message>
        <message>
            <source>Date of birth is before 1900</source>
            <translation>La date de naissance est antérieure à 1900</translation>
        </message>
        <message>
            <source>Date of birth is in the future</source>
            <translation>La date de naissance est dans le futur</translation>
        </message>
        <message>
            <source>Date signed is in the future</source>
            <translation>La date de signature est dans le futur</translation>
        </message>
        <message>
            <source>Departure {departure} is before the arrival {arrival}</source>
            <translation>Le départ ({departure}) est antérieur à l’arrivée ({arrival})</translation>
        </message>
        <message>
            <source>Departure {departure} is before {reference} starts ({start})</source>
            <translation>Le départ ({departure}) est antérieur au début de {reference} ({start})</translation>
        </message>
        <message>
            <source>Disclosure limit must be a level of this database's scheme (0 to {top}, or a name such as {example})</source>
            <translation>La limite de communication doit être un niveau du barème de cette base de données (0 à {top}, ou un nom tel que {example})</translation>
        </message>
        <message>
            <source>Effective date is before the signed date</source>
            <translation>La date d’entrée en vigueur précède la date de signature</translation>
        </message>
        <message>
            <source>End date {end} is before the start date {start}</source>
            <translation>La date de fin ({end}) est antérieure à la date de début ({start})</translation>
        </message>
        <message>
            <source>Exchange cannot be changed: remove this participation and add the person to the other exchange</source>
            <translation>L’échange ne peut pas être changé : supprimez cette participation et ajoutez la personne à l’autre échange</translation>
        </message>
        <message>
            <source>Exchange {reference} is archived</source>
            <translation>L’échange {reference} est archivé</translation>
        </message>
        <message>
            <source>Exchange: no exchange {value}</source>
            <translation>Échange : aucun échange {value}</translation>
        </message>
        <message>
            <source>Expiry date must be after the effective date</source>
            <translation>La date d’expiration doit suivre la date d’entrée en vigueur</translation>
        </message>
        <message>
            <source>Expiry date must be after the signed date</source>
            <translation>La date d’expiration doit suivre la date de signature</translation>
        </message>
        <message>
            <source>Expiry date {expiry} has passed: set a new expiry date before putting it in force</source>
            <translation>La date d’expiration {expiry} est passée : fixez une nouvelle date d’expiration avant de mettre l’accord en vigueur</translation>
        </message>
        <message>
            <source>Follow-up due is before the date of the engagement</source>
            <translation>Le suivi est dû avant la date de l’entretien</translation>
        </message>
        <message>
            <source>Host nation must differ from the sending nation</source>
            <translation>La nation d’accueil doit différer de la nation d’envoi</translation>
        </message>
        <message>
            <source>Login failed: the username or password is wrong, or the account is locked after repeated failures. Try again later or ask an administrator.</source>
            <translation>Échec de la connexion : le nom d’utilisateur ou le mot de passe est erroné, ou le compte est verrouillé après des échecs répétés. Réessayez plus tard ou adressez-vous à un administrateur.</translation>
        </message>
        <message>
            <source>Media type {media_type!r} is not a media type such as application/pdf</source>
            <translation>Le type de média {media_type!r} n’est pas un type de média tel que application/pdf</translation>
        </message>
        <message>
            <source>NOFORN cannot be combined with nations</source>
            <translation>NOFORN ne se combine pas avec des nations</translation>
        </message>
        <message>
            <source>Name is longer than {count} characters</source>
            <translation>Le nom dépasse {count} caractères</translation>
        </message>
        <message>
            <source>Name is required</source>
            <translation>Le nom est obligatoire</translation>
        </message>
        <message>
            <source>Parties must include {nations}: a signatory signed for it</source>
            <translation>Les parties doivent comprendre {nations} : un signataire a signé en son nom</translation>
        </message>
        <message>
            <source>Parties: an agreement needs at least {minimum} nations</source>
            <translation>Parties : un accord exige au moins {minimum} nations</translation>
        </message>
        <message>
            <source>Parties: {kind} needs at least {minimum} nation</source>
            <translation>Parties : un accord de ce type ({kind}) exige au moins {minimum} nation</translation>
        </message>
        <message>
            <source>Parties: {kind} needs at least {minimum} nations</source>
            <translation>Parties : un accord de ce type ({kind}) exige au moins {minimum} nations</translation>
        </message>
        <message>
            <source>Partner nations: {host} is the host nation; list only the other nations</source>
            <translation>Nations partenaires : {host} est la nation hôte ; n’indiquez que les autres nations</translation>
        </message>
        <message>
            <source>Person cannot be changed: remove this participation and add the other person</source>
            <translation>La personne ne peut pas être changée : supprimez cette participation et ajoutez l’autre personne</translation>
        </message>
        <message>
            <source>Person {reference} is archived</source>
            <translation>La personne {reference} est archivée</translation>
        </message>
        <message>
            <source>Person: no person {value}</source>
            <translation>Personne : aucune personne {value}</translation>
        </message>
        <message>
            <source>Query is required</source>
            <translation>La requête est obligatoire</translation>
        </message>
        <message>
            <source>REL TO needs at least one nation or group</source>
            <translation>REL TO demande au moins une nation ou un groupe</translation>
        </message>
        <message>
            <source>RESTRICTED is not a US classification level (U, C, S, TS): choose CONFIDENTIAL, which protects a record at least as well, or UNCLASSIFIED</source>
            <translation>RESTRICTED n’est pas un niveau de classification des États-Unis (U, C, S, TS) : choisissez CONFIDENTIAL, qui protège un enregistrement au moins aussi bien, ou UNCLASSIFIED</translation>
        </message>
        <message>
            <source>Reason for cancelling is required for a cancelled exchange</source>
            <translation>Le motif de l’annulation est obligatoire pour un échange annulé</translation>
        </message>
        <message>
            <source>Reason for withdrawal is required for a withdrawn participant</source>
            <translation>Le motif du retrait est obligatoire pour un participant retiré</translation>
        </message>
        <message>
            <source>Reference cannot be emptied</source>
            <translation>La référence ne peut pas être vidée</translation>
        </message>
        <message>
            <source>Reference cannot be used; choose another number</source>
            <translation>Référence inutilisable ; choisissez un autre numéro</translation>
        </message>
        <message>
            <source>Reference may hold letters, digits and - / . _ (e.g. MOU-USA-POL-2019-01)</source>
            <translation>La référence peut contenir des lettres, des chiffres et - / . _ (p. ex. MOU-USA-POL-2019-01)</translation>
        </message>
        <message>
            <source>Reference {reference} is already used by another agreement</source>
            <translation>La référence {reference} est déjà utilisée par un autre accord</translation>
        </message>
        <message>
            <source>Role: this person already takes part in {reference} as {role}</source>
            <translation>Rôle : cette personne participe déjà à {reference} en tant que {role}</translation>
        </message>
        <message>
            <source>Role: this person cannot be booked into this exchange in this role</source>
            <translation>Rôle : cette personne ne peut pas être inscrite à cet échange dans ce rôle</translation>
        </message>
        <message>
            <source>Sending nation is required</source>
            <translation>La nation d’envoi est obligatoire</translation>
        </message>
        <message>
            <source>Signed date is in the future</source>
            <translation>La date de signature est dans le futur</translation>
        </message>
        <message>
            <source>Status is changed with a status move (change_status), not an edit</source>
            <translation>Le statut se change par un changement de statut (change_status), pas par une modification</translation>
        </message>
        <message>
            <source>Terminating an agreement needs a reason</source>
            <translation>Résilier un accord demande un motif</translation>
        </message>
        <message>
            <source>The file is {size}; an attachment may be at most {most}</source>
            <translation>Le fichier fait {size} ; une pièce jointe peut faire au plus {most}</translation>
        </message>
        <message>
            <source>Tour end is before the tour start</source>
            <translation>La fin de la mission précède son début</translation>
        </message>
        <message>
            <source>Withdrawing a participant needs a reason</source>
            <translation>Retirer un participant demande un motif</translation>
        </message>
        <message>
            <source>a REL TO list needs release REL</source>
            <translation>une liste REL TO demande la diffusion REL</translation>
        </message>
        <message>
            <source>a bidirectional control character</source>
            <translation>un caractère de contrôle bidirectionnel</translation>
        </message>
        <message>
            <source>a character that is not text</source>
            <translation>un caractère qui n’est pas du texte</translation>
        </message>
        <message>
            <source>a classified record needs a disclosure marking here: REL TO nations or groups, or NOFORN (under a US owner only UNCLASSIFIED may have no caveat; ICD 710)</source>
            <translation>un enregistrement classifié demande ici une mention de diffusion : REL TO des nations ou des groupes, ou NOFORN (sous un propriétaire américain, seul UNCLASSIFIED peut s’en passer ; ICD 710)</translation>
        </message>
        <message>
            <source>a control character</source>
            <translation>un caractère de contrôle</translation>
        </message>
        <message>
            <source>a downgrade needs a stated reason</source>
            <translation>un déclassement exige un motif énoncé</translation>
        </message>
        <message>
            <source>a group code is 2 to 16 letters or digits and not a nation code</source>
            <translation>un code de groupe a de 2 à 16 lettres ou chiffres et n’est pas un code de nation</translation>
        </message>
        <message>
            <source>a group needs at least one nation</source>
            <translation>un groupe demande au moins une nation</translation>
        </message>
        <message>
            <source>a line break</source>
            <translation>un saut de ligne</translation>
        </message>
        <message>
            <source>a line separator</source>
            <translation>un séparateur de ligne</translation>
        </message>
        <message>
            <source>a passport number has 5 to 20 letters and digits</source>
            <translation>un numéro de passeport a de 5 à 20 lettres et chiffres</translation>
        </message>
        <message>
            <source>a {exemption} exemption takes no date (it is declassified within 75 years)</source>
            <translation>une exemption {exemption} ne prend pas de date (la fiche est déclassifiée dans les 75 ans)</translation>
        </message>
        <message>
            <source>a {exemption} exemption takes no event (it is declassified within 75 years)</source>
            <translation>une exemption {exemption} ne prend pas d’événement (la fiche est déclassifiée dans les 75 ans)</translation>
        </message>
        <message>
            <source>a {kind} is deleted, not archived</source>
            <translation>ce type de fiche ({kind}) se supprime, il ne s’archive pas</translation>
        </message>
        <message>
            <source>a {kind} keeps its history: archive it instead</source>
            <translation>ce type de fiche ({kind}) garde son historique : archivez-la plutôt</translation>
        </message>
        <message>
            <source>adding {nations} to {code} releases the records released to it to them: give a reason</source>
            <translation>ajouter {nations} à {code} leur communique les fiches communicables à {code} : indiquez un motif</translation>
        </message>
        <message>
            <source>agreement {reference} expires on {expiry}, before the exchange ends on {end}</source>
            <translation>l’accord {reference} expire le {expiry}, avant la fin de l’échange le {end}</translation>
        </message>
        <message>
            <source>agreement {reference} is expired</source>
            <translation>l’accord {reference} est expiré</translation>
        </message>
        <message>
            <source>agreement {reference} is terminated</source>
            <translation>l’accord {reference} est résilié</translation>
        </message>
        <message>
            <source>an attachment is added with its file: use add(record_kind, record_id, name, content)</source>
            <translation>une pièce jointe s’ajoute avec son fichier : utilisez add(record_kind, record_id, name, content)</translation>
        </message>
        <message>
            <source>an invisible character</source>
            <translation>un caractère invisible</translation>
        </message>
        <message>
            <source>another user's change at the same moment prevented this one; nothing was saved: try again</source>
            <translation>la modification d’un autre utilisateur au même moment a empêché celle-ci ; rien n’a été enregistré : réessayez</translation>
        </message>
        <message>
            <source>apply your changes again</source>
            <translation>refaites vos modifications</translation>
        </message>
        <message>
            <source>attach the file again</source>
            <translation>joignez de nouveau le fichier</translation>
        </message>
        <message>
            <source>cannot be used; choose another value</source>
            <translation>inutilisable ; choisissez une autre valeur</translation>
        </message>
        <message>
            <source>cannot move from {old} to {new}; allowed: {allowed}</source>
            <translation>passage impossible de {old} à {new} ; permis : {allowed}</translation>
        </message>
        <message>
            <source>clashes with a record already stored ({key})</source>
            <translation>entre en conflit avec une fiche déjà enregistrée ({key})</translation>
        </message>
        <message>
            <source>contains {kind} ({char}) at position {position}</source>
            <translation>contient {kind} ({char}) à la position {position}</translation>
        </message>
        <message>
            <source>date of birth</source>
            <translation>date de naissance</translation>
        </message>
        <message>
            <source>expired on {expiry} but still marked in force</source>
            <translation>a expiré le {expiry} mais est toujours marqué en vigueur</translation>
        </message>
        <message>
            <source>expired on {expiry} but still marked signed</source>
            <translation>a expiré le {expiry} mais est toujours marqué signé</translation>
        </message>
        <message>
            <source>expires on {expiry}, within its notice period</source>
            <translation>expire le {expiry}, dans son délai de préavis</translation>
        </message>
        <message>
            <source>files cannot be attached to {record_kind!r}; use one of {kinds}</source>
            <translation>impossible de joindre des fichiers à {record_kind!r} ; utilisez l’un de : {kinds}</translation>
        </message>
        <message>
            <source>filtering or sorting on identity details (birth, passport, service and visa) is for coordinators and administrators</source>
            <translation>filtrer ou trier sur les données d’identité (naissance, passeport, matricule et visa) est réservé aux coordinateurs et aux administrateurs</translation>
        </message>
        <message>
            <source>give a declassification date or an event, not both (clear the date first)</source>
            <translation>donnez une date ou un événement de déclassification, pas les deux (effacez d’abord la date)</translation>
        </message>
        <message>
            <source>has a value the database does not accept</source>
            <translation>a une valeur que la base de données n’accepte pas</translation>
        </message>
        <message>
            <source>has {cells} cells but the header names {columns} columns</source>
            <translation>a {cells} cellules mais l’en-tête nomme {columns} colonnes</translation>
        </message>
        <message>
            <source>identity details are shown to coordinators and administrators only</source>
            <translation>les données d’identité ne sont montrées qu’aux coordinateurs et aux administrateurs</translation>
        </message>
        <message>
            <source>is already used by another record</source>
            <translation>est déjà utilisé par une autre fiche</translation>
        </message>
        <message>
            <source>is empty; the first line must name the columns</source>
            <translation>est vide ; la première ligne doit nommer les colonnes</translation>
        </message>
        <message>
            <source>is not UTF-8 text (bad byte at position {at} near line {line}); save it as UTF-8</source>
            <translation>n’est pas du texte UTF-8 (octet erroné à la position {at} vers la ligne {line}) ; enregistrez-le en UTF-8</translation>
        </message>
        <message>
            <source>is not UTF-8 text; save it as UTF-8</source>
            <translation>n’est pas du texte UTF-8 ; enregistrez-le en UTF-8</translation>
        </message>
        <message>
            <source>is not a field of this record</source>
            <translation>n’est pas un champ de cet enregistrement</translation>
        </message>
        <message>
            <source>is not a field of this row</source>
            <translation>n’est pas un champ de cette ligne</translation>
        </message>
        <message>
            <source>is not a field you can filter or sort on</source>
            <translation>n’est pas un champ sur lequel vous pouvez filtrer ou trier</translation>
        </message>
        <message>
            <source>is not a search filter; use one of {filters}</source>
            <translation>n’est pas un filtre de recherche ; utilisez l’un de : {filters}</translation>
        </message>
        <message>
            <source>is not valid JSON (line {line}: {error})</source>
            <translation>n’est pas du JSON valide (ligne {line} : {error})</translation>
        </message>
        <message>
            <source>is required</source>
            <translation>est obligatoire</translation>
        </message>
        <message>
            <source>is too large (at most {limit:,})</source>
            <translation>est trop grand (au plus {limit:,})</translation>
        </message>
        <message>
            <source>is too long ({length} characters; at most {limit})</source>
            <translation>est trop long ({length} caractères ; au plus {limit})</translation>
        </message>
        <message>
            <source>level must not be negative</source>
            <translation>le niveau ne doit pas être négatif</translation>
        </message>
        <message>
            <source>level {level} is not in the scheme</source>
            <translation>le niveau {level} n’existe pas dans le schéma</translation>
        </message>
        <message>
            <source>line {line}: warning: {text}</source>
            <translation>ligne {line} : avertissement : {text}</translation>
        </message>
        <message>
            <source>line {line}: {column}: {message}</source>
            <translation>ligne {line} : {column} : {message}</translation>
        </message>
        <message>
            <source>line {line}: {error}</source>
            <translation>ligne {line} : {error}</translation>
        </message>
        <message>
            <source>lowering the classification or widening releasability needs an administrator</source>
            <translation>abaisser la classification ou élargir la communicabilité exige un administrateur</translation>
        </message>
        <message>
            <source>must be a date after today (a record past its date is declassified, not kept)</source>
            <translation>doit être une date postérieure à aujourd’hui (un enregistrement dont la date est passée est déclassifié, non conservé)</translation>
        </message>
        <message>
            <source>must be a positive amount</source>
            <translation>doit être un montant positif</translation>
        </message>
        <message>
            <source>must be at least {limit}</source>
            <translation>doit valoir au moins {limit}</translation>
        </message>
        <message>
            <source>must be at most {limit}</source>
            <translation>doit valoir au plus {limit}</translation>
        </message>
        <message>
            <source>must be at most {years} years after the record was created ({latest}; E.O. 13526 §1.5)</source>
            <translation>doit tomber au plus {years} ans après la création de l’enregistrement ({latest} ; E.O. 13526 §1.5)</translation>
        </message>
        <message>
            <source>must be at most {years} years after the record was created, with its exemption ({latest}; E.O. 13526 §3.3(h))</source>
            <translation>doit être au plus {years} ans après la création de la fiche, avec son exemption ({latest} ; E.O. 13526 §3.3(h))</translation>
        </message>
        <message>
            <source>must hold a list of objects, one per record</source>
            <translation>doit contenir une liste d’objets, un par fiche</translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>ne doit pas être vide</translation>
        </message>
        <message>
            <source>names a record that does not exist (or no longer exists)</source>
            <translation>désigne une fiche qui n’existe pas (ou plus)</translation>
        </message>
        <message>
            <source>no saved search {name!r}</source>
            <translation>aucune recherche enregistrée {name!r}</translation>
        </message>
        <message>
            <source>no user {username}</source>
            <translation>aucun utilisateur {username}</translation>
        </message>
        <message>
            <source>no {kind} with id {record_id}</source>
            <translation>aucune fiche « {kind} » d’identifiant {record_id}</translation>
        </message>
        <message>
            <source>no {kind} {reference}</source>
            <translation>aucune fiche « {kind} » {reference}</translation>
        </message>
        <message>
            <source>none (it is final)</source>
            <translation>aucun (il est définitif)</translation>
        </message>
        <message>
            <source>only an administrator fills a database with the demo data set</source>
            <translation>seul un administrateur remplit une base de données avec le jeu de démonstration</translation>
        </message>
        <message>
            <source>only an administrator manages users and groups</source>
            <translation>seul un administrateur gère les utilisateurs et les groupes</translation>
        </message>
        <message>
            <source>only an administrator may back up the database</source>
            <translation>seul un administrateur peut sauvegarder la base de données</translation>
        </message>
        <message>
            <source>only an administrator may encrypt the database</source>
            <translation>seul un administrateur peut chiffrer la base de données</translation>
        </message>
        <message>
            <source>only an administrator may restore the database</source>
            <translation>seul un administrateur peut restaurer la base de données</translation>
        </message>
        <message>
            <source>only coordinators and administrators see who can read a record</source>
            <translation>seuls les coordinateurs et les administrateurs voient qui peut lire une fiche</translation>
        </message>
        <message>
            <source>passport number</source>
            <translation>numéro de passeport</translation>
        </message>
        <message>
            <source>probable duplicate of {title} ({reference}): similar name, same {same}</source>
            <translation>doublon probable de {title} ({reference}) : nom semblable, même {same}</translation>
        </message>
        <message>
            <source>rebuilding the search index is for administrators</source>
            <translation>la reconstruction de l’index de recherche est réservée aux administrateurs</translation>
        </message>
        <message>
            <source>record {line}: warning: {text}</source>
            <translation>enregistrement {line} : avertissement : {text}</translation>
        </message>
        <message>
            <source>record {line}: {column}: {message}</source>
            <translation>enregistrement {line} : {column} : {message}</translation>
        </message>
        <message>
            <source>repeats row {row} ({year}, {direction}, {category})</source>
            <translation>répète la ligne {row} ({year}, {direction}, {category})</translation>
        </message>
        <message>
            <source>service number</source>
            <translation>matricule</translation>
        </message>
        <message>
            <source>that level is not in this database's scheme</source>
            <translation>ce niveau ne fait pas partie du barème de cette base de données</translation>
        </message>
        <message>
            <source>the audit extract is for auditors and administrators</source>
            <translation>l’extrait d’audit est réservé aux auditeurs et aux administrateurs</translation>
        </message>
        <message>
            <source>the audit trail is for auditors and administrators</source>
            <translation>la piste d’audit est réservée aux auditeurs et aux administrateurs</translation>
        </message>
        <message>
            <source>the connection to the database server was lost while your change was being saved; it may or may not have been stored: reopen the record to check before saving again</source>
            <translation>la connexion au serveur de base de données a été perdue pendant l’enregistrement de votre modification ; elle a pu être enregistrée ou non : rouvrez la fiche pour vérifier avant d’enregistrer de nouveau</translation>
        </message>
        <message>
            <source>the connection to the database server was lost; nothing was saved. Check the network and try again</source>
            <translation>la connexion au serveur de base de données a été perdue ; rien n’a été enregistré. Vérifiez le réseau et réessayez</translation>
        </message>
        <message>
            <source>the cost lines in {currency} add up to {spent:.2f}, above the budget of {budget:.2f} {currency}</source>
            <translation>les lignes de coût en {currency} totalisent {spent:.2f}, au-delà du budget de {budget:.2f} {currency}</translation>
        </message>
        <message>
            <source>the database is busy with another user's change and did not answer in time; nothing was saved: try again in a moment</source>
            <translation>la base de données est occupée par la modification d’un autre utilisateur et n’a pas répondu à temps ; rien n’a été enregistré : réessayez dans un instant</translation>
        </message>
        <message>
            <source>the database refused the operation: {detail}</source>
            <translation>la base de données a refusé l’opération : {detail}</translation>
        </message>
        <message>
            <source>the database stopped this change because it was waiting on another user's change that was waiting on it (a deadlock); nothing was saved: try again</source>
            <translation>la base de données a arrêté cette modification car elle attendait celle d’un autre utilisateur qui l’attendait (interblocage) ; rien n’a été enregistré : réessayez</translation>
        </message>
        <message>
            <source>the disclosure limit {limit} is above the clearance the person holds ({clearance})</source>
            <translation>la limite de communication {limit} dépasse l’habilitation que détient la personne ({clearance})</translation>
        </message>
        <message>
            <source>the engagement on {date} is outside the tour of {reference}</source>
            <translation>l’entretien du {date} se situe en dehors de la mission {reference}</translation>
        </message>
        <message>
            <source>the file is marked {marking}, lower than its record ({record})</source>
            <translation>le fichier est marqué {marking}, moins haut que sa fiche ({record})</translation>
        </message>
        <message>
            <source>the first administrator needs a username</source>
            <translation>le premier administrateur demande un nom d’utilisateur</translation>
        </message>
        <message>
            <source>the group {name} exists already</source>
            <translation>le groupe {name} existe déjà</translation>
        </message>
        <message>
            <source>the person is from {nation} but the sending nation is {sending}</source>
            <translation>la personne est de nationalité {nation} mais la nation d’envoi est {sending}</translation>
        </message>
        <message>
            <source>the stored file {name} is damaged: its content no longer matches the SHA-256 recorded when it was added; restore the database from a backup or attach the file again</source>
            <translation>le fichier enregistré {name} est endommagé : son contenu ne correspond plus au SHA-256 enregistré lors de son ajout ; restaurez la base de données à partir d’une sauvegarde ou joignez de nouveau le fichier</translation>
        </message>
        <message>
            <source>the tour overlaps {reference} ({start} to open-ended) of the same person</source>
            <translation>la mission chevauche {reference} (du {start}, sans date de fin) de la même personne</translation>
        </message>
        <message>
            <source>the tour overlaps {reference} ({start} to {end}) of the same person</source>
            <translation>la mission chevauche {reference} (du {start} au {end}) de la même personne</translation>
        </message>
        <message>
            <source>the username {name} is taken</source>
            <translation>le nom d’utilisateur {name} est pris</translation>
        </message>
        <message>
            <source>try again</source>
            <translation>réessayez</translation>
        </message>
        <message>
            <source>unknown classification {value!r}; use one of {choices}</source>
            <translation>classification {value!r} inconnue ; utilisez l’une de : {choices}</translation>
        </message>
        <message>
            <source>unknown filter operation {op!r}</source>
            <translation>opération de filtre inconnue {op!r}</translation>
        </message>
        <message>
            <source>unknown nation or group {codes}</source>
            <translation>nation ou groupe inconnu : {codes}</translation>
        </message>
        <message>
            <source>unknown need-to-know group {groups}</source>
            <translation>groupe d’en-connaître inconnu : {groups}</translation>
        </message>
        <message>
            <source>unknown value {value!r}; use one of {choices}</source>
            <translation>valeur {value!r} inconnue ; utilisez l’une de : {choices}</translation>
        </message>
        <message>
            <source>use one of {choices}</source>
            <translation>utilisez l’un de : {choices}</translation>
        </message>
        <message>
            <source>was refused by the database</source>
            <translation>a été refusé par la base de données</translation>
        </message>
        <message>
            <source>with that label you could no longer read the record yourself</source>
            <translation>avec ce marquage, vous ne pourriez plus lire la fiche vous-même</translation>
        </message>
        <message>
            <source>you cannot label a record above your own clearance</source>
            <translation>vous ne pouvez pas marquer une fiche au-dessus de votre propre habilitation</translation>
        </message>
        <message>
            <source>you cannot remove your own administrator role or deactivate yourself</source>
            <translation>vous ne pouvez ni retirer votre propre rôle d’administrateur ni vous désactiver</translation>
        </message>
        <message>
            <source>your account is no longer active; log in again</source>
            <translation>votre compte n’est plus actif ; reconnectez-vous</translation>
        </message>
        <message>
            <source>your role ({role}) may not change records</source>
            <translation>votre rôle ({role}) ne permet pas de modifier des fiches</translation>
        </message>
        <message>
            <source>{code} is a built-in group and cannot be changed</source>
            <translation>{code} est un groupe prédéfini et ne peut pas être modifié</translation>
        </message>
        <message>
            <source>{count:,} rows</source>
            <translation>{count} lignes</translation>
        </message>
        <message>
            <source>{error} The import stopped at line {line}: the {rows:,} rows before it were stored; line {line} and the rows after it were not imported (import them again once the cause is fixed).</source>
            <translation>{error} L’importation s’est arrêtée à la ligne {line} : les {rows} lignes qui la précèdent ont été enregistrées ; la ligne {line} et les suivantes n’ont pas été importées (importez-les de nouveau une fois la cause corrigée).</translation>
        </message>
        <message>
            <source>{field} {problem}</source>
            <translation>{field} {problem}</translation>
        </message>
        <message>
            <source>{field}: line {number}: {problem}</source>
            <translation>{field} : ligne {number} : {problem}</translation>
        </message>
        <message>
            <source>{file} was imported before, on {when} ({rows} stored): importing it again would store its rows a second time. Import it again only if that is what you mean.</source>
            <translation>{file} a déjà été importé, le {when} ({rows} enregistrées) : l’importer de nouveau enregistrerait ses lignes une seconde fois. Ne l’importez de nouveau que si c’est bien votre intention.</translation>
        </message>
        <message>
            <source>{items} and {last}</source>
            <translation>{items} et {last}</translation>
        </message>
        <message>
            <source>{name} arrives on {arrival}, more than {days} days before {reference} starts</source>
            <translation>{name} arrive le {arrival}, plus de {days} jours avant le début de {reference}</translation>
        </message>
        <message>
            <source>{name} has no security clearance recorded, but {reference} is {level}</source>
            <translation>{name} n’a aucune habilitation enregistrée, mais {reference} est {level}</translation>
        </message>
        <message>
            <source>{name} holds a {held} clearance, below {reference}'s {level}</source>
            <translation>{name} détient une habilitation {held}, inférieure au niveau {level} de {reference}</translation>
        </message>
        <message>
            <source>{name} is also booked into {reference} {title} ({start} to {end}), which overlaps {exchange}</source>
            <translation>{name} est aussi inscrit à {reference} {title} (du {start} au {end}), qui chevauche {exchange}</translation>
        </message>
        <message>
            <source>{name} is from {nation}, but {reference} is NOFORN (not releasable to foreign nationals)</source>
            <translation>{name} est de nationalité {nation}, mais {reference} est NOFORN (non communicable aux ressortissants étrangers)</translation>
        </message>
        <message>
            <source>{name} is from {nation}, but {reference} is releasable only to {release}</source>
            <translation>{name} est de nationalité {nation}, mais {reference} n’est communicable qu’à {release}</translation>
        </message>
        <message>
            <source>{name} leaves on {departure}, more than {days} days after {reference} ends</source>
            <translation>{name} part le {departure}, plus de {days} jours après la fin de {reference}</translation>
        </message>
        <message>
            <source>{name}'s clearance expires on {expiry}, before {reference} ends on {end}</source>
            <translation>l’habilitation de {name} expire le {expiry}, avant la fin de {reference} le {end}</translation>
        </message>
        <message>
            <source>{name}'s passport expires on {expiry}, before departure on {leaving}</source>
            <translation>le passeport de {name} expire le {expiry}, avant le départ le {leaving}</translation>
        </message>
        <message>
            <source>{name}'s visa expires on {expiry}, before departure on {leaving}</source>
            <translation>le visa de {name} expire le {expiry}, avant le départ le {leaving}</translation>
        </message>
        <message>
            <source>{nation} is not a party to this agreement</source>
            <translation>{nation} n’est pas partie à cet accord</translation>
        </message>
        <message>
            <source>{owner} (this installation's nation) is not a party: quota use counts from {owner}'s side</source>
            <translation>{owner} (la nation de cette installation) n’est pas partie à l’accord : l’utilisation des quotas est comptée du point de vue de {owner}</translation>
        </message>
        <message>
            <source>{parts} is not a part of a cost line</source>
            <translation>{parts} n’est pas un élément d’une ligne de coût</translation>
        </message>
        <message>
            <source>{record} was changed by {by} since you opened it{when}{what}; your changes were not written: reopen it and {again}</source>
            <translation>{record} a été modifié par {by} depuis que vous l’avez ouvert{when}{what} ; vos modifications n’ont pas été écrites : rouvrez-le et {again}</translation>
        </message>
        <message>
            <source>{reference} is also the number of agreement {ids} (under another label): name them by id</source>
            <translation>{reference} est aussi le numéro de l’accord {ids} (sous un autre marquage) : désignez-les par leur identifiant</translation>
        </message>
        <message>
            <source>{reference} is the number of more than one {kind} you may see ({ids}): give its id</source>
            <translation>{reference} est le numéro de plusieurs fiches « {kind} » que vous pouvez voir ({ids}) : indiquez son identifiant</translation>
        </message>
        <message>
            <source>{row!r} should read like 'travel 1200.00 USD Return flights'</source>
            <translation>{row!r} devrait se présenter comme 'travel 1200.00 USD Return flights'</translation>
        </message>
        <message>
            <source>{value!r} is not a STANAG 2116 code (OR-1…OR-9, WO-1…WO-5, OF-1…OF-10, civilian)</source>
            <translation>{value!r} n’est pas un code STANAG 2116 (OR-1…OR-9, WO-1…WO-5, OF-1…OF-10, civilian)</translation>
        </message>
        <message>
            <source>{value!r} is not a STANAG 6001 profile like 3/3/2/2</source>
            <translation>{value!r} n’est pas un profil STANAG 6001 comme 3/3/2/2</translation>
        </message>
        <message>
            <source>{value!r} is not a STANAG 6001 profile: 5 is the highest level and has no plus (+ exists only on levels 0 to 4)</source>
            <translation>{value!r} n’est pas un profil STANAG 6001 : 5 est le niveau le plus haut et n’a pas de plus (+ n’existe qu’aux niveaux 0 à 4)</translation>
        </message>
        <message>
            <source>{value!r} is not a classification</source>
            <translation>{value!r} n’est pas une classification</translation>
        </message>
        <message>
            <source>{value!r} is not a date (use YYYY-MM-DD)</source>
            <translation>{value!r} n’est pas une date (utilisez AAAA-MM-JJ)</translation>
        </message>
        <message>
            <source>{value!r} is not a date; write it as YYYY-MM-DD</source>
            <translation>{value!r} n’est pas une date ; écrivez-la AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>{value!r} is not a whole number</source>
            <translation>{value!r} n’est pas un nombre entier</translation>
        </message>
        <message>
            <source>{value!r} is not an ISO 3166-1 alpha-3 nation code</source>
            <translation>{value!r} n’est pas un code de nation ISO 3166-1 alpha-3</translation>
        </message>
        <message>
            <source>{value!r} is not an ISO 3166-1 alpha-3 nation code (e.g. USA, GBR, JPN)</source>
            <translation>{value!r} n’est pas un code de nation ISO 3166-1 alpha-3 (p. ex. USA, GBR, JPN)</translation>
        </message>
        <message>
            <source>{value!r} is not an ISO 4217 currency code (e.g. USD, EUR)</source>
            <translation>{value!r} n’est pas un code de devise ISO 4217 (p. ex. USD, EUR)</translation>
        </message>
        <message>
            <source>{value!r} is not an ISO 639 language code (e.g. eng, fra)</source>
            <translation>{value!r} n’est pas un code de langue ISO 639 (p. ex. eng, fra)</translation>
        </message>
        <message>
            <source>{value!r} is not an amount</source>
            <translation>{value!r} n’est pas un montant</translation>
        </message>
        <message>
            <source>{value!r} is not an e-mail address (name@example.org)</source>
            <translation>{value!r} n’est pas une adresse électronique (nom@exemple.org)</translation>
        </message>
        <message>
            <source>{value!r} is not yes or no</source>
            <translation>{value!r} n’est ni oui ni non</translation>
        </message>
        <message>
            <source>{words}{detail}</source>
            <translation>{words}{detail}</translation>
        </message>
    </context>
    <context>
        <name>Deadline</name>
        <message>
            <source>Agreement expired; its status is still {status}</source>
            <translation>Accord expiré ; son statut est toujours {status}</translation>
        </message>
        <message>
            <source>Agreement expires</source>
            <translation>Expiration de l’accord</translation>
        </message>
        <message>
            <source>Agreement in effect; its status is still Signed</source>
            <translation>Accord en vigueur ; son statut est toujours Signé</translation>
        </message>
        <message>
            <source>Agreement notice period starts</source>
            <translation>Début du préavis de l’accord</translation>
        </message>
        <message>
            <source>Follow-up due: {subject}</source>
            <translation>Suivi à faire : {subject}</translation>
        </message>
        <message>
            <source>Liaison tour ended; its status is still {status}</source>
            <translation>Affectation de liaison terminée ; son statut est toujours {status}</translation>
        </message>
        <message>
            <source>Liaison tour ends</source>
            <translation>Fin de l’affectation de liaison</translation>
        </message>
        <message>
            <source>Liaison tour started; its status is still Planned</source>
            <translation>Affectation de liaison commencée ; son statut est toujours Planifié</translation>
        </message>
        <message>
            <source>Participant not yet approved</source>
            <translation>Participant pas encore approuvé</translation>
        </message>
        <message>
            <source>Passport expires</source>
            <translation>Expiration du passeport</translation>
        </message>
        <message>
            <source>Security clearance expires</source>
            <translation>Expiration de l’habilitation de sécurité</translation>
        </message>
        <message>
            <source>Visa expires</source>
            <translation>Expiration du visa</translation>
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
            <source>Declassification exemption</source>
            <translation>Exemption de déclassification</translation>
        </message>
        <message>
            <source>Declassify on</source>
            <translation>Déclassifier le</translation>
        </message>
        <message>
            <source>Declassify on event</source>
            <translation>Déclassifier à l’événement</translation>
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
            <source>25X1</source>
            <translation>25X1</translation>
        </message>
        <message>
            <source>25X2</source>
            <translation>25X2</translation>
        </message>
        <message>
            <source>25X3</source>
            <translation>25X3</translation>
        </message>
        <message>
            <source>25X4</source>
            <translation>25X4</translation>
        </message>
        <message>
            <source>25X5</source>
            <translation>25X5</translation>
        </message>
        <message>
            <source>25X6</source>
            <translation>25X6</translation>
        </message>
        <message>
            <source>25X7</source>
            <translation>25X7</translation>
        </message>
        <message>
            <source>25X8</source>
            <translation>25X8</translation>
        </message>
        <message>
            <source>25X9</source>
            <translation>25X9</translation>
        </message>
        <message>
            <source>50X1-HUM</source>
            <translation>50X1-HUM</translation>
        </message>
        <message>
            <source>50X2-WMD</source>
            <translation>50X2-WMD</translation>
        </message>
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
