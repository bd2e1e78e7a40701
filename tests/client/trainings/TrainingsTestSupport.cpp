// TrainingsTestSupport: a temporary replica and row counts for the trainings tests.
#include "TrainingsTestSupport.h"

namespace cadre::trainings::test {

TempReplica::TempReplica() {
    replica::Replica::Options o;
    o.author = "trainer.test";
    o.database.synchronousFull = false;  // tests need no power-cut durability
    replica_ = std::make_unique<replica::Replica>(path().toStdString(), o);
}

int attendanceRows(replica::Replica& replica, const QString& sessionId, const QString& personId) {
    replica::Statement st(
        replica.database(),
        "SELECT COUNT(*) FROM attendance WHERE session_id = ?1 AND person_id = ?2");
    st.bind(1, sessionId.toStdString()).bind(2, personId.toStdString());
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace cadre::trainings::test
