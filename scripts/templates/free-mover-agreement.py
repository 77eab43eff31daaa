#!/usr/bin/env python3
"""Writes src/main/resources/templates/free-mover/convenio-individual.docx, the template of the
individual free-mover agreement (003 Anexo 1, "Modelo de convenio movilidad libre o free mover").

The text follows Anexo 1 clause by clause; each {{tag}} is filled by poi-tl
(co.ori.mobility.freemover.IndividualAgreementDocument) with the case's data. Every tag is written
in a run of its own so that Word and poi-tl see it whole. Staff may also edit the .docx in Word,
keeping the {{tags}}. Usage: python3 scripts/templates/free-mover-agreement.py (needs python-docx).
"""
import os
import re
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "main", "resources", "templates",
                   "free-mover", "convenio-individual.docx")

doc = Document()
style = doc.styles["Normal"]
style.font.name = "Arial"
style.font.size = Pt(10.5)


def para(text, bold=False, center=False, justify=True):
    """A paragraph; **x** is bold; {{tag}} becomes a run of its own."""
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for part in re.split(r"(\*\*.+?\*\*)", text):
        strong = part.startswith("**") and part.endswith("**")
        chunk = part[2:-2] if strong else part
        for piece in re.split(r"(\{\{[A-Za-z0-9_]+\}\})", chunk):
            if piece:
                run = p.add_run(piece)
                run.bold = bold or strong
    return p


para("CONVENIO ESPECÍFICO E INDIVIDUAL DE COOPERACIÓN ACADÉMICA PARA EL DESARROLLO DE MOVILIDAD "
     "ESTUDIANTIL LIBRE O FREE MOVER CELEBRADO ENTRE LA UNIVERSIDAD NACIONAL DE COLOMBIA Y "
     "{{homeInstitution}} PARA LA MOVILIDAD DE {{fullName}}", bold=True, center=True)
para("Convenio n.º {{agreementId}} · Caso {{caseKey}}{{extensionNote}}", center=True)
para("Los suscritos, **{{unalSignatoryName}}**, mayor de edad, domiciliado en {{unalSignatoryCity}}, "
     "identificado con la cédula de ciudadanía número {{unalSignatoryIdNumber}} de "
     "{{unalSignatoryIdCity}}, en su condición de {{unalSignatoryPosition}} nombrado mediante "
     "{{unalSignatoryAppointment}}, actuando en representación de la **UNIVERSIDAD NACIONAL DE "
     "COLOMBIA** de una parte, **{{homeSignatoryName}}**, quien obra en representación de "
     "{{homeInstitution}} y {{fullName}}, mayor de edad, domiciliado en {{studentCity}}, "
     "identificado con {{documentTypeLabel}} **{{documentNumber}}** en su calidad de estudiante "
     "del programa {{programName}} de {{homeInstitution}}, han acordado celebrar el presente "
     "Convenio Específico e Individual de Cooperación Académica para la realización de Movilidad "
     "Estudiantil Libre o Free Mover en la Universidad Nacional de Colombia, regido por las "
     "siguientes:")
para("CLÁUSULAS:", bold=True, center=True)
para("**CLÁUSULA PRIMERA: OBJETO:** El presente Convenio Específico e Individual de Cooperación "
     "Académica para el desarrollo de Movilidad Estudiantil Libre o Free Mover en la Universidad "
     "Nacional de Colombia tiene por objeto establecer las condiciones para el desarrollo de la "
     "movilidad del estudiante **{{fullName}}**, quien se encuentra vinculado a {{homeInstitution}}, "
     "{{homeFaculty}} y realizará su movilidad en **LA UNIVERSIDAD NACIONAL DE COLOMBIA**, Sede "
     "{{campus}}, {{hostFaculty}}, del {{startDateText}} al {{endDateText}}.")
para("**CLÁUSULA SEGUNDA:** De acuerdo con los documentos que el **ESTUDIANTE** aportó en su "
     "solicitud de movilidad, el {{councilName}}, Sede {{campus}}, luego de evaluar sus "
     "conocimientos, habilidades y destrezas consideró procedente su propuesta académica para su "
     "movilidad ({{councilActRef}}). La propuesta académica se registrará en el formulario en línea "
     "y hará parte integral de este convenio: {{learningAgreement}}")
para("**CLÁUSULA TERCERA:** La coordinación del presente convenio está a cargo de "
     "{{coordinatorName}}, director de Área Curricular {{curricularArea}} (que consideró la "
     "solicitud del candidato), en representación de **LA UNIVERSIDAD NACIONAL DE COLOMBIA**, sede "
     "{{campus}} y de {{homeCoordinatorName}}, {{homeCoordinatorPosition}}, quien será el contacto "
     "directo en {{homeInstitution}} y sobre quien recaerá la responsabilidad por su "
     "**ESTUDIANTE**, durante la movilidad en la **UNIVERSIDAD NACIONAL DE COLOMBIA**.")
para("**CLÁUSULA CUARTA:** El **ESTUDIANTE** de {{homeInstitution}} declara conocer su obligación de:")
para("1. Pagar los costos académicos y administrativos definidos en los lineamientos entregados por "
     "la Vicerrectoría Académica y la Dirección de Relaciones Exteriores (DRE): {{feeSummary}}.")
para("2. Contar con un seguro médico internacional con cobertura suficiente por el tiempo que dure su "
     "movilidad si es estudiante extranjero, o estar afiliado a una EPS, que deberá mantener vigente "
     "durante todo el tiempo que dure la movilidad, si es estudiante colombiano. Por esta razón, no "
     "podrá reclamar personal o judicialmente, a nombre propio o a través de terceros indemnizaciones "
     "en dinero o en especie por cualquier enfermedad o accidente que sufre estando en la "
     "**UNIVERSIDAD NACIONAL DE COLOMBIA** como estudiante en Convenio - Movilidad Libre o Free Mover.")
para("**CLÁUSULA QUINTA:** En virtud del presente convenio las partes adquieren los siguientes compromisos:")
para("5.1 DE LA UNIVERSIDAD NACIONAL DE COLOMBIA:", bold=True)
para("5.1.1 Garantizar a {{homeInstitution}} que su **ESTUDIANTE** realizará las actividades "
     "convenidas como Estudiante en Convenio – Movilidad Libre o Free Mover durante la totalidad del "
     "periodo pactado en el presente convenio, a menos que razones de fuerza mayor ajenas a su "
     "control se lo impidan.")
para("5.1.2 Calificar el desempeño del estudiante de acuerdo con el procedimiento y escala propias, "
     "para que, una vez se termine su movilidad, se entregue el certificado de calificaciones a "
     "{{homeInstitution}}.")
para("5.1.3 Brindar al estudiante la oportunidad de hacer su Movilidad Libre o Free Mover para su "
     "formación profesional, no derivándose de este compromiso obligaciones diferentes a las "
     "expresamente determinadas en este documento.")
para("5.2 DE {{homeInstitutionUpper}}:", bold=True)
para("5.2.1 Presentar al **ESTUDIANTE** que realizará su movilidad como Movilidad Libre o Free Mover "
     "en la **UNIVERSIDAD NACIONAL DE COLOMBIA**, indicando que es un estudiante activo de esa "
     "institución.")
para("5.2.2 Brindar los datos de un docente de contacto de su institución, quien fungirá como tutor "
     "del estudiante ante la **UNIVERSIDAD NACIONAL DE COLOMBIA**.")
para("5.3 DEL ESTUDIANTE:", bold=True)
para("5.3.1 Acatar los estatutos y reglamentos de la Universidad Nacional de Colombia y los términos "
     "y condiciones establecidas en este convenio individual de Movilidad Libre o Free Mover.")
para("5.3.2 Asumir los gastos desprendidos de la Movilidad Libre o Free Mover y contar con un seguro "
     "médico con cubrimiento por enfermedad o accidente o la afiliación a una EPS durante todo el "
     "tiempo de la movilidad en la **UNIVERSIDAD NACIONAL DE COLOMBIA**.")
para("**CLÁUSULA SEXTA:** La relación del **ESTUDIANTE** de {{homeInstitution}} con la "
     "**UNIVERSIDAD NACIONAL DE COLOMBIA** será la de Estudiante en Convenio – Movilidad Libre o "
     "Free Mover a partir de la fecha de suscripción del presente convenio y por el tiempo autorizado "
     "en él, conforme con los lineamientos entregados por la Vicerrectoría Académica y la Dirección "
     "de Relaciones Exteriores.")
para("**CLÁUSULA SÉPTIMA:** El presente convenio tendrá una vigencia de un (1) periodo académico "
     "determinado por el calendario establecido por la **UNIVERSIDAD NACIONAL DE COLOMBIA** como "
     "período de la Movilidad Libre o Free Mover: el periodo {{targetPeriod}}, hasta el "
     "{{periodEndText}}.")
para("**CLÁUSULA OCTAVA:** Son causales de terminación del presente convenio:")
for line in ["El incumplimiento de las obligaciones aquí pactadas.",
             "Todo acto inmoral o delictivo o de irresponsabilidad comprobado en que incurra el ESTUDIANTE.",
             "Por mutuo acuerdo entre las partes.",
             "En caso de retiro voluntario del ESTUDIANTE de la movilidad autorizada."]:
    para("• " + line)
para("**CLÁUSULA NOVENA:** La firma del presente convenio no genera compromiso económico para alguna "
     "de las dos instituciones, en la medida en que los estudiantes en Convenio Movilidad Libre o "
     "Free Mover serán responsables del pago de costos académicos y administrativos en la "
     "**UNIVERSIDAD NACIONAL DE COLOMBIA** y de sus propios gastos.")
para("Para constancia se firma el presente convenio en tres (3) ejemplares.")
para("")
para("FIRMA POR LA UNIVERSIDAD NACIONAL DE COLOMBIA", bold=True, justify=False)
para("______________________________", justify=False)
para("NOMBRE: {{unalSignatoryName}}", justify=False)
para("Cargo: {{unalSignatoryPosition}}", justify=False)
para("")
para("FIRMA POR {{homeInstitutionUpper}}", bold=True, justify=False)
para("______________________________", justify=False)
para("NOMBRE: {{homeSignatoryName}}", justify=False)
para("Cargo: {{homeSignatoryPosition}}", justify=False)
para("")
para("FIRMA ESTUDIANTE", bold=True, justify=False)
para("______________________________", justify=False)
para("NOMBRE: {{fullName}}", justify=False)
para("")
para("La Universidad Nacional de Colombia, como responsable del Tratamiento de Datos Personales, "
     "informa que los datos de carácter personal recolectados mediante este formato, se encuentran "
     "bajo medidas que garantizan la seguridad, confidencialidad e integridad y su tratamiento se "
     "realiza de acuerdo al cumplimiento normativo de la Ley 1581 de 2012 y de la Política de "
     "Tratamiento de Datos Personales de la Universidad Nacional de Colombia.")
para("Documento generado el {{generatedDateText}} a partir del modelo del Anexo 1 del Instructivo de "
     "Movilidad Académica Estudiantil Interinstitucional.", justify=False)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
doc.core_properties.title = "Convenio específico e individual de movilidad libre (Anexo 1)"
doc.core_properties.author = "ORI"
doc.save(OUT)
print("wrote", os.path.normpath(OUT))
