#include "app/AdminCommands.h"

#include <stdexcept>

#include "domain/Schema.h"
#include "domain/Uuid.h"

namespace cadre::server {

namespace {
std::string standardId(replica::Replica& hub, int number) {
    replica::Statement st(
        hub.database(),
        "SELECT s.id FROM standard s JOIN catalogue_edition e ON e.id = s.edition_id "
        "WHERE e.year = 2018 AND s.number = ?1");
    st.bind(1, std::int64_t{number});
    if (!st.step())
        throw std::runtime_error("the 2018 catalogue has no standard " + std::to_string(number));
    return st.text(0);
}

std::string csvField(const Value& v) {
    std::string t = v.isNull() ? "" : v.toDisplay();
    if (t.find_first_of(",\"\n\r") == std::string::npos)
        return t;
    std::string out = "\"";
    for (char c : t) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}
}  // namespace

std::string addPerson(ServerApp& app, const std::string& familyName, const std::string& givenNames,
                      const std::string& email) {
    std::string id;
    app.sync().withHub([&](replica::Replica& hub) {
        replica::Fields f{{"family_name", familyName}};
        if (!givenNames.empty())
            f["given_names"] = givenNames;
        if (!email.empty())
            f["email"] = email;
        hub.setAuthor("admin");
        id = hub.insert("person", f);
    });
    return id;
}

std::string assign(ServerApp& app, const std::string& kind, const std::string& recordId,
                   const std::string& personId, const std::string& role) {
    if (kind != "mission" && kind != "training")
        throw std::invalid_argument("assign: kind must be mission or training");
    std::string id;
    app.sync().withHub([&](replica::Replica& hub) {
        hub.setAuthor("admin");
        const std::string table = kind == "mission" ? "mission_member" : "training_trainer";
        const std::string parent = kind == "mission" ? "mission_id" : "training_id";
        if (!hub.get(kind, recordId))
            throw std::invalid_argument("no " + kind + " " + recordId);
        if (!hub.get("person", personId))
            throw std::invalid_argument("no person " + personId);
        id = hub.insert(table, {{parent, recordId}, {"person_id", personId}, {"role", role}});
    });
    return id;
}

void exportCsv(ServerApp& app, const std::string& table, std::ostream& out) {
    const domain::TableSpec* spec = domain::findTable(table);
    if (!spec)
        throw std::invalid_argument("no synced table '" + table + "'");
    app.sync().withHub([&](replica::Replica& hub) {
        std::string cols = "id";
        out << "id";
        for (const auto& c : spec->columns) {
            cols += ", \"" + c.name + "\"";
            out << "," << c.name;
        }
        out << "\r\n";
        replica::Statement st(hub.database(), "SELECT " + cols + " FROM \"" + table +
                                                  "\" WHERE deleted = 0 ORDER BY id");
        while (st.step()) {
            for (int i = 0; i < st.columnCount(); ++i)
                out << (i ? "," : "") << csvField(st.value(i));
            out << "\r\n";
        }
    });
}

void loadDemoData(ServerApp& app, const std::string& password, std::ostream& out) {
    if (!app.accounts().users().empty()) {
        out << "demo data: not loaded, this repository already has accounts\n";
        return;
    }
    const auto amina = addPerson(app, "Diallo", "Amina", "amina.diallo@example.org");
    const auto luc = addPerson(app, "Martin", "Luc", "luc.martin@example.org");
    const auto fatou = addPerson(app, "Sow", "Fatou", "fatou.sow@example.org");
    std::string mission, training;
    app.sync().withHub([&](replica::Replica& hub) {
        hub.setAuthor("hq.reviewer");
        hub.transaction([&] {
            mission = hub.insert(
                "mission", {{"kind", "diagnostic"},
                            {"member_id", domain::namedUuid("member/SEN")},
                            {"edition_id", domain::namedUuid("catalogue_edition/2018")},
                            {"title", "Diagnostic FoS e-commerce — Sénégal"},
                            {"status", "in_progress"},
                            {"review_state", "draft"},
                            {"starts_on", "2026-11-02"},
                            {"ends_on", "2026-11-13"},
                            {"economic_context", "Croissance rapide des envois postaux B2C."}});
            for (int n : {1, 3, 8})
                hub.insert("observation", {{"mission_id", mission},
                                           {"standard_id", standardId(hub, n)},
                                           {"review_state", "draft"},
                                           {"maturity", n == 1 ? 1 : 2}});
            training = hub.insert("training", {{"kind", "training_of_trainers"},
                                               {"title", "ToT — Dakar, gestion des risques"},
                                               {"venue", "Dakar"},
                                               {"status", "planned"},
                                               {"starts_on", "2026-12-01"},
                                               {"ends_on", "2026-12-02"}});
            std::vector<std::string> sessions;
            for (const auto& [day, part] :
                 std::vector<std::pair<std::string, std::string>>{{"2026-12-01", "morning"},
                                                                  {"2026-12-01", "afternoon"},
                                                                  {"2026-12-02", "morning"}})
                sessions.push_back(
                    hub.insert("training_session",
                               {{"training_id", training}, {"held_on", day}, {"part", part}}));
            static const char* names[] = {"Ba",    "Cissé",  "Diop", "Faye", "Gueye", "Kane",
                                          "Mbaye", "Ndiaye", "Sarr", "Seck", "Thiam", "Wade"};
            static const char* marks[] = {"present", "present", "late",
                                          "present", "excused", "absent"};
            int i = 0;
            for (const char* name : names) {
                const auto person = hub.insert("person", {{"family_name", name}});
                hub.insert(
                    "enrolment",
                    {{"training_id", training}, {"person_id", person}, {"certified_trainer", 0}});
                for (const auto& s : sessions)
                    hub.insert(
                        "attendance",
                        {{"session_id", s}, {"person_id", person}, {"status", marks[i++ % 6]}});
            }
        });
    });
    assign(app, "mission", mission, amina, "lead_expert");
    assign(app, "mission", mission, luc, "expert");
    assign(app, "training", training, fatou, "lead");
    struct Account {
        const char* name;
        Role role;
        std::string person;
    };
    const Account accounts[] = {{"hq.reviewer", Role::HqReviewer, ""},
                                {"admin", Role::Admin, ""},
                                {"amina", Role::Expert, amina},
                                {"luc", Role::Expert, luc},
                                {"fatou", Role::Trainer, fatou}};
    for (const auto& a : accounts)
        app.accounts().createUser(a.name, password, a.role, a.person);
    out << "demo data: mission " << mission << ", training " << training << "\n"
        << "demo accounts (password '" << password << "'): hq.reviewer, admin, amina and luc "
        << "(experts on the mission), fatou (trainer)\n";
}

}  // namespace cadre::server
