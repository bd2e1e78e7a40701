<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This was not saved, a value is not accepted (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This record cannot be changed now (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local database could not save this (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EvidenceDelegate</name>
    <message>
        <source>Caption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Diagnostic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Self-assessment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tailored support</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Study visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submitted for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Has issues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>0 · Not started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 · Initial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>2 · Partial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3 · Substantial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>4 · Full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not judged yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing in place yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First steps taken, mostly ad hoc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partly in place, important gaps remain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largely in place, minor gaps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fully implemented and applied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lead expert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Observer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counterpart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Economic context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-commerce context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Maturity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Legal and regulatory amendments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MSME needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Given names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Cadre — WCO e-commerce standards, field edition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-commerce standards in the field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Missions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trainings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MissionDelegate</name>
    <message numerus="yes">
        <source>%n of %1 standards observed</source>
        <translation><numerusform>%n of %1 standards observed</numerusform><numerusform>%n of %1 standards observed</numerusform></translation>
    </message>
</context>
<context>
    <name>MissionPage</name>
    <message>
        <source>Submit for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Economic context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The regional and national economy, trade flows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-commerce context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The weight of e-commerce, volumes of parcels, main platforms…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No one on the team yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 from the team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove from the team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 observed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submit for review?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Headquarters will review this mission and its %1 observations once this device syncs. You can still edit them while they are in review.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MissionsPage</name>
    <message>
        <source>Missions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New mission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No mission matches these filters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No missions yet — create one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the search or choose other filters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A mission holds what you find for each standard of the Framework: maturity, gaps, recommendations and evidence. Everything is saved on this device as you type, with or without a network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search title or Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n mission(s) on this device</source>
        <translation><numerusform>%n mission on this device</numerusform><numerusform>%n missions on this device</numerusform></translation>
    </message>
</context>
<context>
    <name>NewMissionDialog</name>
    <message>
        <source>New mission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create mission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a Member…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Diagnostic mission on e-commerce</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ObservationEditor</name>
    <message>
        <source>Standard %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved on this device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing entered yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Maturity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What is in place today: law, procedures, systems, organisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What is missing against the standard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Legal and regulatory amendments needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Laws, regulations and administrative procedures to change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs of MSMEs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What micro, small and medium-sized enterprises need</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The steps you recommend, in order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>National priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No evidence yet. Attach photos or scanned documents; they are kept on this device and sent at the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a photo or a document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf *.heic *.tif *.tiff)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The language of menus and labels, and how dates and numbers are written. What you type is kept as you typed it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data on this device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything you enter is saved here as you type and sent to headquarters at the next sync. Closing the app or a power cut loses nothing.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StandardDelegate</name>
    <message>
        <source>No observation yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Add to the team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search people already known</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody found. Add a new person below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Given names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>cadre::client::MemberListModel</name>
    <message>
        <source>All Members</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>cadre::client::MissionController</name>
    <message>
        <source>Give the mission a title.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the Member the mission goes to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter at least the family name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>cadre::client::ObservationController</name>
    <message>
        <source>Not started</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>